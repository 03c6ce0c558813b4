package certcheck_test

import (
	"encoding/pem"
	"fmt"
	"os"
	"time"

	"github.com/vpncertlint/vpncertlint/certcheck"
)

// Check one certificate as a client CA upload, as of a fixed date, with the default policy.
func Example() {
	data, err := os.ReadFile("../testdata/ca/expired-rsa1024-sha1.pem")
	if err != nil {
		panic(err)
	}
	block, _ := pem.Decode(data)
	c := certcheck.NewCert(block.Bytes, "ca.pem", 1, "ca.pem")
	c.Role = certcheck.RoleCA
	env := &certcheck.Env{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Policy: certcheck.DefaultPolicy()}
	for _, f := range certcheck.Run(c, env) {
		fmt.Printf("%s %s: %s\n", f.Code, f.Severity, f.Text("en").Message)
	}
	// Output:
	// VPN.0070 error: The key algorithm of the certificate ca.pem is not supported.
	// VPN.0071 error: The signature algorithm of the certificate ca.pem is not supported.
	// VPN.0072 error: Certificate ca.pem has expired.
}

// List the certificate checks and the codes each can report.
func ExampleChecks() {
	for _, c := range certcheck.Checks()[:2] {
		fmt.Println(c.Name, c.Codes)
	}
	// Output:
	// ca-flag [VPN.0076 VCL.0761 VCL.0762]
	// content [VPN.0075 VCL.0751]
}
