package certcheck

import (
	"crypto/sha256"
	"fmt"

	"github.com/vpncertlint/vpncertlint/lint"
)

var codeSameSubjectKey = lint.Register(lint.Code{
	ID: "VCL.0771", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0077",
	Message:  "Certificate %s has the same subject and key as another client CA.",
	DescEN:   "Two different certificates (a re-issue or renewal) carry the same subject and public key. The cloud accepts both, but clients cannot tell them apart; usually the older one should be removed.",
	RemedyEN: "Keep only the current certificate of that CA in the upload set.",
	DescZH:   "证书%s与另一份客户端CA证书的主题和公钥相同。",
	RemedyZH: "请只保留该CA当前有效的证书。",
}).ID

// setCodes are the codes the upload-set checks (CheckSet) raise; Codes lists them.
var setCodes = []string{"VPN.0077", "VPN.1111", codeSameSubjectKey}

// Set is one upload set's client CAs, in the order they were found (file order, then line).
// Duplicates are reported on the later copy, naming the first.
type Set struct {
	policy    *Policy
	bySHA     map[string]*Cert
	bySubjKey map[string]*Cert
	distinct  []*Cert
}

// NewSet starts an empty upload set.
func NewSet(p *Policy) *Set {
	return &Set{policy: p, bySHA: map[string]*Cert{}, bySubjKey: map[string]*Cert{}}
}

// Add puts c (a client CA upload) into the set and returns the findings it causes now.
func (s *Set) Add(c *Cert) []lint.Finding {
	if first, dup := s.bySHA[c.SHA256]; dup {
		return []lint.Finding{lint.New("VPN.0077",
			fmt.Sprintf("same certificate (SHA-256 %s) as %s", short(c.SHA256), where(first)), c.Name).
			At(c.File, c.Line).About(c.Object())}
	}
	s.bySHA[c.SHA256] = c
	s.distinct = append(s.distinct, c)
	var out []lint.Finding
	if c.Raw != nil && c.Raw.Err == nil {
		h := sha256.Sum256(append(append([]byte(nil), c.Raw.RawSubject...), c.Raw.RawSPKI...))
		k := string(h[:])
		if first, seen := s.bySubjKey[k]; seen {
			out = append(out, c.Finding(codeSameSubjectKey, fmt.Sprintf("same subject and public key as %s, which is a different certificate", where(first))))
		} else {
			s.bySubjKey[k] = c
		}
	}
	return out
}

// CAs returns the distinct client CAs in order.
func (s *Set) CAs() []*Cert { return s.distinct }

// Finish returns the findings about the set as a whole: VPN.1111 on the first CA beyond the
// limit, naming the count.
func (s *Set) Finish() []lint.Finding { return s.FinishFor(nil) }

// FinishFor is Finish with VPN.1111 on the first CA beyond the limit for which report is true
// (nil: the first CA beyond the limit), none when there is no such CA: a run that reads some
// CAs only as context reports the count on one of the CAs it checks.
func (s *Set) FinishFor(report func(*Cert) bool) []lint.Finding {
	limit := s.policy.MaxClientCAs
	for i := limit; i < len(s.distinct); i++ {
		over := s.distinct[i]
		if report != nil && !report(over) {
			continue
		}
		return []lint.Finding{lint.New("VPN.1111",
			fmt.Sprintf("%d distinct client CA certificates in the upload set; at most %d are accepted; this is number %d", len(s.distinct), limit, i+1)).
			At(over.File, over.Line).About(over.Object())}
	}
	return nil
}

func where(c *Cert) string { return fmt.Sprintf("%s:%d", c.File, c.Line) }

func short(h string) string {
	if len(h) > 16 {
		return h[:16] + "…"
	}
	return h
}
