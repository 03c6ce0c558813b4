// Package sarif writes SARIF 2.1.0 (--format sarif), for GitHub code scanning and other SARIF
// viewers: one rule per code that occurs, results with repo-relative URIs, a region from line
// 1 on, and partialFingerprints from the code and the object's SHA-256 so that alerts stay the
// same across runs.
package sarif

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/output/jsonstream"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
)

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// FingerprintKey names vpncertlint's partial fingerprint in SARIF results.
	FingerprintKey = "vpncertlint/v1"
	infoURI        = "https://github.com/vpncertlint/vpncertlint#codes"
	// MaxSARIFResults is GitHub code scanning's limit of results per run.
	MaxSARIFResults = 25000
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool       `json:"tool"`
	Invocations []sarifInvoc    `json:"invocations"`
	Results     []sarifResult   `json:"results"`
	Artifacts   []sarifArtifact `json:"artifacts,omitempty"`
	Properties  *sarifRunProps  `json:"properties,omitempty"`
	ColumnKind  string          `json:"columnKind"`
}

type sarifRunProps struct {
	Now     string         `json:"now"`
	Summary report.Summary `json:"summary"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID               string         `json:"id"`
	Name             string         `json:"name"`
	ShortDescription sarifText      `json:"shortDescription"`
	FullDescription  sarifText      `json:"fullDescription"`
	Help             sarifText      `json:"help"`
	HelpURI          string         `json:"helpUri"`
	DefaultConfig    sarifRuleConf  `json:"defaultConfiguration"`
	Properties       sarifRuleProps `json:"properties"`
}

type sarifRuleConf struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags       []string    `json:"tags"`
	Source     lint.Source `json:"source"`
	HTTPStatus int         `json:"httpStatus,omitempty"`
	Related    string      `json:"related,omitempty"`
}

type sarifInvoc struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          map[string]string `json:"properties,omitempty"`
}

type sarifLocation struct {
	Physical sarifPhysical `json:"physicalLocation"`
	// Logical names a Terraform resource (and its argument) a finding is about.
	Logical []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifLogical struct {
	Name               string `json:"name,omitempty"`
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifPhysical struct {
	Artifact sarifLocURI  `json:"artifactLocation"`
	Region   *sarifRegion `json:"region,omitempty"`
}

type sarifLocURI struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

type sarifArtifact struct {
	Location sarifLocURI `json:"location"`
}

// Level maps a severity to a SARIF level: error, warning or note.
func Level(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

// Fingerprint is a finding's stable identity across runs (moving the object within its file
// keeps it): the code, the file and the object's SHA-256 when the finding is about a
// certificate or CRL, else the code, the file and the detail.
func Fingerprint(f lint.Finding, relFile string) string {
	key := f.Code + "\x00" + relFile + "\x00" + f.SHA256
	if f.SHA256 == "" {
		key = f.Code + "\x00" + relFile + "\x00\x00" + f.Detail
	}
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:])
}

func ruleName(c *lint.Code) string {
	// A PascalCase name from the English message, without its placeholders.
	var b strings.Builder
	for _, w := range strings.Fields(strings.NewReplacer("%s", "", ".", " ", ":", " ", ",", " ", "(", " ", ")", " ").Replace(c.Message)) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

// Write writes the report as a SARIF log.
func Write(w io.Writer, r *report.Report, o output.Options) error {
	// Rules: every code that occurs, sorted.
	ids := r.Codes()
	index := map[string]int{}
	rules := []sarifRule{}
	for i, id := range ids {
		index[id] = i
		c, ok := lint.Lookup(id)
		if !ok {
			c = &lint.Code{ID: id, Message: id, DescEN: id, RemedyEN: "", Severity: lint.Warning}
		}
		tags := []string{"security", "pki", "huawei-cloud-vpn"}
		rules = append(rules, sarifRule{
			ID:               id,
			Name:             ruleName(c),
			ShortDescription: sarifText{Text: c.Format()},
			FullDescription:  sarifText{Text: c.DescEN},
			Help: sarifText{
				Text:     c.DescEN + "\nRemedy: " + c.RemedyEN + "\n" + c.DescZH + "\n处理措施: " + c.RemedyZH,
				Markdown: "**" + id + "** " + c.DescEN + "\n\n**Remedy:** " + c.RemedyEN + "\n\n" + c.DescZH + "\n\n**处理措施:** " + c.RemedyZH,
			},
			HelpURI:       infoURI,
			DefaultConfig: sarifRuleConf{Level: Level(c.Severity)},
			Properties:    sarifRuleProps{Tags: tags, Source: c.Source, HTTPStatus: c.HTTPStatus, Related: c.Related},
		})
	}
	// The results are streamed (rendered one at a time into the encoded log), so a report of
	// 25,000 results is never held whole; their number is known from the summary.
	total := r.NumFindings()
	inv := sarifInvoc{ExecutionSuccessful: r.IOErrors() == 0}
	if total > MaxSARIFResults {
		inv.Notifications = append(inv.Notifications, sarifNotification{Level: "warning", Message: sarifText{
			Text: fmt.Sprintf("%d results; only the first %d are listed (GitHub code scanning accepts at most %d per run)", total, MaxSARIFResults, MaxSARIFResults)}})
	}
	for _, f := range r.ErrorFiles() {
		inv.Notifications = append(inv.Notifications, sarifNotification{
			Level:   "error",
			Message: sarifText{Text: f.Error},
			Locations: []sarifLocation{{Physical: sarifPhysical{
				Artifact: sarifLocURI{URI: uriEscape(output.RelPath(f.File, o.Root)), URIBaseID: "%SRCROOT%"},
			}}},
		})
	}
	log := sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{{
		Tool:        sarifTool{Driver: sarifDriver{Name: r.Tool().Name, Version: r.Tool().Version, InformationURI: infoURI, Rules: rules}},
		Invocations: []sarifInvoc{inv},
		Properties:  &sarifRunProps{Now: r.Now(), Summary: r.Summary()},
		ColumnKind:  "unicodeCodePoints",
	}}}
	if log.Runs[0].Tool.Driver.Name == "" {
		log.Runs[0].Tool.Driver.Name = "vpncertlint"
	}
	var head bytes.Buffer
	enc := json.NewEncoder(&head)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		return err
	}
	marker := []byte("\n      \"results\": null")
	i := bytes.Index(head.Bytes(), marker)
	if i < 0 {
		return fmt.Errorf("sarif: no results field in the log")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	_, _ = bw.Write(head.Bytes()[:i])              // bufio: Flush reports the error
	_, _ = bw.WriteString("\n      \"results\": ") // bufio: Flush reports the error
	n := 0
	err := jsonstream.Array(bw, 4, false, func(emit func(any) error) error {
		return r.EachFinding(func(f *lint.Finding) error {
			if n == MaxSARIFResults {
				return jsonstream.ErrEnough
			}
			n++
			return emit(sarifResultOf(f, index, o))
		})
	})
	if err != nil {
		return err
	}
	_, _ = bw.Write(head.Bytes()[i+len(marker):]) // bufio: Flush reports the error
	return bw.Flush()
}

func sarifResultOf(f *lint.Finding, index map[string]int, o output.Options) sarifResult {
	rel := output.RelPath(f.File, o.Root)
	msg := f.Text(o.Lang).Message
	if f.Detail != "" {
		msg += " (" + f.Detail + ")"
	}
	res := sarifResult{
		RuleID:              f.Code,
		RuleIndex:           index[f.Code],
		Level:               Level(f.Severity),
		Message:             sarifText{Text: msg},
		PartialFingerprints: map[string]string{FingerprintKey: Fingerprint(*f, rel)},
	}
	if f.SHA256 != "" {
		res.Properties = map[string]string{"sha256": f.SHA256}
		if f.Subject != "" {
			res.Properties["subject"] = f.Subject
		}
	}
	if f.File != "" && f.File != lint.StdinName {
		line := f.Line
		if line < 1 {
			line = 1
		}
		res.Locations = []sarifLocation{{Physical: sarifPhysical{
			Artifact: sarifLocURI{URI: uriEscape(rel), URIBaseID: "%SRCROOT%"},
			Region:   &sarifRegion{StartLine: line},
		}}}
	}
	if f.Resource != "" && len(res.Locations) > 0 {
		res.Locations[0].Logical = terraformLogical(f.Resource, f.Field)
	}
	return res
}

// uriEscape makes a relative path a URI reference: each segment percent-encoded.
func uriEscape(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = pathSegmentEscape(s)
	}
	return strings.Join(segs, "/")
}

func pathSegmentEscape(s string) string {
	const hexd = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~!$&'()*+,;=:@", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexd[c>>4])
		b.WriteByte(hexd[c&15])
	}
	return b.String()
}

// terraformLogical is the SARIF logical location of a Terraform resource address and, if
// any, the argument path in it.
func terraformLogical(resource, field string) []sarifLogical {
	l := []sarifLogical{{Name: resource, FullyQualifiedName: resource, Kind: "resource"}}
	if field != "" {
		l = append(l, sarifLogical{Name: field, FullyQualifiedName: resource + "." + field, Kind: "member"})
	}
	return l
}
