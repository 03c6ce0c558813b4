package engine

import (
	"strings"

	"github.com/vpncertlint/vpncertlint/internal/tfcheck"
	"github.com/vpncertlint/vpncertlint/lint"
)

// checkTerraformPlan checks data as a Terraform plan in JSON if it is one (recognised by its
// content), and reports whether it was. With Options.TFDir, the findings are placed on the
// configuration's .tf lines.
func checkTerraformPlan(data []byte, in input, o *Options, out *outcome) bool {
	if !tfcheck.IsPlan(data) {
		return false
	}
	res, err := tfcheck.LoadPlan(data, in.path)
	if err != nil {
		out.file.Error = err.Error()
		return true
	}
	if o.TFDir != "" {
		cfg, err := tfcheck.LoadDir(o.TFDir)
		if err != nil {
			out.file.Error = "--tf-dir " + o.TFDir + ": " + err.Error()
			return true
		}
		tfcheck.Locate(res, cfg.Resources)
	}
	terraformFindings(res, o, out)
	return true
}

// checkTerraformConfig checks a configuration directory (*.tf, *.tfvars, local modules).
func checkTerraformConfig(in input, o *Options, out *outcome) {
	cfg, err := tfcheck.LoadDir(in.path)
	if err != nil {
		out.file.Error = ioError(err).Error()
		return
	}
	if len(cfg.Errors) > 0 {
		out.file.Error = strings.Join(cfg.Errors, "; ")
		return
	}
	terraformFindings(cfg.Resources, o, out)
}

func terraformFindings(res []*tfcheck.Resource, o *Options, out *outcome) {
	out.findings = append(out.findings, tfcheck.Check(res, tfcheck.Options{Now: o.Now, CertPolicy: o.CertPolicy,
		MaxConnections: o.MaxConnections, VPCRoutes: o.vpcRoutes})...)
	for _, r := range res {
		if !r.Context {
			out.file.Objects = append(out.file.Objects, lint.ObjectInfo{Line: r.Line, Type: r.Type, Kind: "resource"})
		}
	}
}
