package cmd

import (
	"runtime/debug"
	"testing"
)

func TestVersionOf(t *testing.T) {
	const rev = "0123456789abcdef0123456789abcdef01234567"
	info := func(version string, settings ...string) *debug.BuildInfo {
		bi := &debug.BuildInfo{Main: debug.Module{Path: "github.com/vpncertlint/vpncertlint", Version: version}}
		for i := 0; i+1 < len(settings); i += 2 {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
		}
		return bi
	}
	for _, c := range []struct {
		name, stamped string
		bi            *debug.BuildInfo
		v, rev        string
	}{
		{"release build (ldflags)", "v1.2.3", info("(devel)"), "v1.2.3", ""},
		{"release build with VCS info", "v1.2.3", info("(devel)", "vcs.revision", rev), "v1.2.3", "0123456789ab"},
		{"stamped, no build info", "v1.2.3", nil, "v1.2.3", ""},
		{"go install @v1.2.3", "", info("v1.2.3"), "v1.2.3", ""},
		{"go install . in a clone (pseudo-version names the commit)", "",
			info("v0.0.0-20260601000000-0123456789ab+dirty", "vcs.revision", rev, "vcs.modified", "true"),
			"v0.0.0-20260601000000-0123456789ab+dirty", ""},
		{"devel with VCS info", "", info("(devel)", "vcs.revision", rev, "vcs.modified", "false"), "(devel)", "0123456789ab"},
		{"devel, modified", "", info("(devel)", "vcs.revision", rev, "vcs.modified", "true"), "(devel)", "0123456789ab+modified"},
		{"devel without VCS info (-buildvcs=false)", "", info("(devel)"), "(devel)", ""},
		{"empty module version (test binary)", "", info(""), "(devel)", ""},
		{"no build info", "", nil, "(devel)", ""},
	} {
		v, rev := versionOf(c.stamped, c.bi)
		if v != c.v || rev != c.rev {
			t.Errorf("%s: versionOf = %q, %q; want %q, %q", c.name, v, rev, c.v, c.rev)
		}
	}
}
