package engine

import (
	"fmt"
	"strings"

	"github.com/vpncertlint/vpncertlint/bodycheck"
)

// BodyModes lists the valid --body values.
var BodyModes = bodycheck.Modes

// validateBody checks the body options of o.
func (o *Options) validateBody() error {
	switch o.Body {
	case "":
		o.Body = bodycheck.ModeAuto
	case bodycheck.ModeAuto, bodycheck.ModeCreate, bodycheck.ModeUpdate:
	default:
		return fmt.Errorf("unknown --body %q (want %s)", o.Body, strings.Join(bodycheck.Modes, ", "))
	}
	if o.MaxConnections != 0 && (o.MaxConnections < bodycheck.MinConnections || o.MaxConnections > bodycheck.MaxConnections) {
		return fmt.Errorf("--max-connections %d is out of range: a gateway has %d to %d connections", o.MaxConnections, bodycheck.MinConnections, bodycheck.MaxConnections)
	}
	o.vpcRoutes = nil
	for _, r := range o.VPCRoutes {
		p, err := bodycheck.ParseRoute(r)
		if err != nil {
			return err
		}
		o.vpcRoutes = append(o.vpcRoutes, p)
	}
	return nil
}

// checkBody checks data as a Create/Update VPN Server body if it is one, and reports
// whether it was. A file found by a directory walk only for its .json/.yaml/.yml name is
// skipped when it is not a body.
func checkBody(data []byte, in input, o *Options, out *outcome) bool {
	if checkKinds(data, in, o, out) {
		return true
	}
	if !bodycheck.IsBody(data, in.path) {
		out.skip = in.bodyOnly
		return in.bodyOnly
	}
	res := bodycheck.Run(data, in.path, displayName(in), bodycheck.Options{
		Mode:           o.Body,
		MaxConnections: o.MaxConnections,
		VPCRoutes:      o.vpcRoutes,
		Now:            o.Now,
		CertPolicy:     o.CertPolicy,
	})
	out.findings = append(out.findings, res.Findings...)
	out.file.Objects = append(out.file.Objects, res.Objects...)
	return true
}
