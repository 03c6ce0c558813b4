package engine

import (
	"bytes"
	"encoding/pem"
	"github.com/vpncertlint/vpncertlint/lint"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zmap/zcrypto/x509"
)

// benchBundle concatenates the certificates of testdata/ca and testdata/server that zcrypto
// parses (except the oversized-key fixtures) (or, with VPNCERTLINT_BENCH_FILE set, reads that file: scripts/bench.sh passes one of
// its generated bundles), and returns it with its certificate count.
func benchBundle(b *testing.B) ([]byte, int) {
	if p := os.Getenv("VPNCERTLINT_BENCH_FILE"); p != "" {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		return data, bytes.Count(data, []byte("-----BEGIN CERTIFICATE-----"))
	}
	var out bytes.Buffer
	n := 0
	for _, dir := range []string{"ca", "server"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", dir, "*.pem"))
		for _, f := range files {
			if strings.HasPrefix(filepath.Base(f), "rsa-huge-") {
				continue // keys zcrypto spends up to 45 ms on, which the engine does not parse
			}
			data, _ := os.ReadFile(f)
			for {
				var blk *pem.Block
				blk, data = pem.Decode(data)
				if blk == nil {
					break
				}
				if _, err := x509.ParseCertificate(blk.Bytes); blk.Type == "CERTIFICATE" && err == nil {
					if err := pem.Encode(&out, blk); err != nil {
						b.Fatal(err)
					}
					n++
				}
			}
		}
	}
	if n == 0 {
		b.Fatal("no certificates")
	}
	return out.Bytes(), n
}

// BenchmarkParseOnly is the limit of the design: PEM decoding and zcrypto parsing alone.
func BenchmarkParseOnly(b *testing.B) {
	data, n := benchBundle(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rest := data
		for {
			var blk *pem.Block
			blk, rest = pem.Decode(rest)
			if blk == nil {
				break
			}
			_, _ = x509.ParseCertificate(blk.Bytes) // the bundle holds only parsable certificates: only the cost counts
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/cert")
}

// BenchmarkEngine is the engine's work on the same bundle: scan, parse, every check.
func BenchmarkEngine(b *testing.B) { benchEngine(b, false) }

// BenchmarkEngineLean is BenchmarkEngine as the text format runs it (Options.Lean: no
// objects' identities, so no subject rendering).
func BenchmarkEngineLean(b *testing.B) { benchEngine(b, true) }

func benchEngine(b *testing.B, lean bool) {
	data, n := benchBundle(b)
	o := Options{Role: lint.RoleAuto, Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Lean: lean}
	o.defaults()
	in := input{path: "bench.pem"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var out outcome
		checkData(data, in, &o, &out)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/cert")
}
