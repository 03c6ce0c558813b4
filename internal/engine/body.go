package engine

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/vpncertlint/vpncertlint/internal/bodycheck"
	"github.com/vpncertlint/vpncertlint/lint"
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
	if o.MaxConnections != 0 && !bodycheck.ValidConnections(o.MaxConnections) {
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
// whether it was. A body in a wrapper the API does not take ([{"vpn_server": …}],
// {"body": {"vpn_server": …}}, {"vpnServer": …}) is a body (VPN.0001 says what shape is
// expected). The bare vpn_server object without its wrapper is checked as a body when the
// file was named (on the command line or by a configuration), and so is any file a
// configuration's body patterns match; a directory scan skips it, and every other JSON or
// YAML file it found only for its name, and says why under -v.
func checkBody(data []byte, in input, o *Options, out *outcome) bool {
	if checkKinds(data, in, o, out) {
		return true
	}
	// A body is a mapping: in YAML and JSON a key is followed by a colon, or the mapping is a
	// flow one in braces. Data with neither (a PEM file of certificates), not named like a
	// body and not starting like JSON, is no body and does not look like one (IsBody and
	// LooksLikeBody say so too, after nine searches of it for field names).
	maybe := bytes.IndexByte(data, ':') >= 0 || bytes.IndexByte(data, '{') >= 0 ||
		bodycheck.HasExtension(in.path) || bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n\xef\xbb\xbf"), []byte("["))
	isBody := maybe && bodycheck.IsBody(data, in.path)
	if !isBody {
		why := ""
		if maybe {
			why = bodycheck.LooksLikeBody(data)
		}
		switch {
		case in.bodyOnly:
			out.skip = true
			out.skipWhy = "not a server body (no vpn_server field)"
			if why != "" {
				out.skipWhy = "not checked: " + why + "; name the file to check it as a body"
			}
			return true
		case why != "" || o.roleOf(in) == lint.RoleBody:
			isBody = true
		}
	}
	if !isBody {
		return false
	}
	res := bodycheck.Run(data, in.path, displayName(in), o.bodyOptions())
	out.findings = append(out.findings, res.Findings...)
	out.file.Objects = append(out.file.Objects, res.Objects...)
	return true
}

// bodyOptions are the options of every request body's check.
func (o *Options) bodyOptions() bodycheck.Options {
	return bodycheck.Options{
		Mode:           o.Body,
		MaxConnections: o.MaxConnections,
		VPCRoutes:      o.vpcRoutes,
		Now:            o.Now,
		CertPolicy:     o.CertPolicy,
	}
}
