package pemformat

import (
	"os"
	"strings"
	"testing"
)

func TestContainerHint(t *testing.T) {
	for file, want := range map[string]string{
		"../../testdata/format/bundle.p12":     "openssl pkcs12 -in ../../testdata/format/bundle.p12 -nokeys",
		"../../testdata/format/bundle-der.p7b": "openssl pkcs7 -inform DER -print_certs -in ../../testdata/format/bundle-der.p7b",
		"../../testdata/format/cert.der":       "",
	} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		hint, ok := containerHint(data, file)
		if ok != (want != "") || !strings.Contains(hint, want) {
			t.Errorf("%s: %v %q, want %q", file, ok, hint, want)
		}
	}
}
