package lint

import (
	"strings"
	"testing"
)

func TestCheckContract(t *testing.T) {
	var ran []string
	first := &Check[string, int]{Name: "first", Codes: []string{"VPN.0070"}, Run: func(p *Pass[string, int]) {
		ran = append(ran, "first")
		p.Report("VPN.0070", "detail "+p.Subject)
	}}
	skipped := &Check[string, int]{Name: "skipped", Codes: []string{"VPN.0071"},
		Applies: func(_ string, env int) bool { return env > 1 },
		Run:     func(_ *Pass[string, int]) { ran = append(ran, "skipped") }}
	last := &Check[string, int]{Name: "last", Codes: []string{"VPN.0072"}, Run: Returning(func(_ string, _ int) []Finding {
		ran = append(ran, "last")
		return []Finding{New("VPN.0072", "built").At("other", 9)}
	})}
	obj := Object{Subject: "CN=a"}
	p := &Pass[string, int]{Subject: "s", Env: 1, File: "f.pem", Line: 3, Field: "x.y", Args: []string{"f.pem"},
		Object: func() Object { return obj }}
	got := Run([]*Check[string, int]{first, skipped, last}, p)
	if strings.Join(ran, ",") != "first,last" {
		t.Errorf("ran %v", ran)
	}
	if len(got) != 2 {
		t.Fatalf("findings %+v", got)
	}
	f := got[0]
	if f.Code != "VPN.0070" || f.File != "f.pem" || f.Line != 3 || f.Field != "x.y" || f.Object != obj || f.Detail != "detail s" || len(f.Args) != 1 || f.Args[0] != "f.pem" {
		t.Errorf("Report stamped %+v", f)
	}
	if got[1].File != "other" || got[1].Line != 9 || got[1].Object != (Object{}) {
		t.Errorf("Add changed a built finding: %+v", got[1])
	}
	if c := CodesOf([]*Check[string, int]{first, skipped, last, first}); strings.Join(c, ",") != "VPN.0070,VPN.0071,VPN.0072" {
		t.Errorf("CodesOf %v", c)
	}
}

func TestCheckUndeclaredCode(t *testing.T) {
	bad := &Check[string, int]{Name: "bad", Codes: []string{"VPN.0070"}, Run: func(p *Pass[string, int]) {
		p.Report("VPN.0071", "not declared")
	}}
	defer func() {
		r := recover()
		if r == nil || !strings.Contains(r.(string), `check "bad" reports VPN.0071`) {
			t.Errorf("recovered %v", r)
		}
	}()
	Run([]*Check[string, int]{bad}, &Pass[string, int]{})
	t.Error("an undeclared code was reported without failing")
}

func TestMustDeclare(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("a code missing from the catalogue was accepted")
		}
	}()
	MustDeclare([]*Check[string, int]{{Name: "x", Codes: []string{"NOPE.0000"}}})
}
