package crlcheck_test

import (
	"encoding/pem"
	"fmt"
	"os"
	"time"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/crlcheck"
)

func der(path string) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	block, _ := pem.Decode(data)
	return block.Bytes
}

// Check a CRL against the client CA that issued it, as of a fixed date.
func Example() {
	ca := certcheck.NewCert(der("../testdata/pki/root.pem"), "root.pem", 1, "root.pem")
	c := crlcheck.NewCRL(der("../testdata/crl/stale.crl"), "stale.crl", 1, "stale.crl")
	env := &crlcheck.Env{
		Now:    time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC),
		Policy: crlcheck.DefaultPolicy(),
		CAs:    []crlcheck.CA{{Where: "root.pem:1", X: ca.X()}},
	}
	for _, f := range crlcheck.Run(c, env) {
		fmt.Printf("%s %s: %s (%s)\n", f.Code, f.Severity, f.Text("en").Message, f.Detail)
	}
	// Output:
	// VPN.0080 error: Invalid date of the CRL stale.crl. (nextUpdate 2026-02-01 00:00:00 UTC is before now (2026-06-01 00:00:00 UTC): the CRL is stale)
}
