// parselimit measures the limit of this design: PEM-decode (encoding/pem) and parse with
// zcrypto every certificate of the given files, with GOMAXPROCS workers over the files, and
// prints certificates per second. The collector is paced as vpncertlint check paces it
// (internal/gctune), so that the two are compared like for like.
//
//	go run ./scripts/bench/parselimit FILE...
package main

import (
	"encoding/pem"
	"fmt"
	"log"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/gctune"
	"github.com/zmap/zcrypto/x509"
)

func main() {
	defer gctune.Start()()
	start := time.Now()
	var certs atomic.Int64
	work := make(chan string)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				data, err := os.ReadFile(p)
				if err != nil {
					log.Fatal(err)
				}
				certs.Add(parseCerts(data))
			}
		}()
	}
	for _, p := range os.Args[1:] {
		work <- p
	}
	close(work)
	wg.Wait()
	d := time.Since(start)
	fmt.Printf("%d %.3f %.0f\n", certs.Load(), d.Seconds(), float64(certs.Load())/d.Seconds())
}

// parseCerts PEM-decodes data and parses its CERTIFICATE blocks; it returns how many parse.
func parseCerts(data []byte) int64 {
	var n int64
	for {
		var b *pem.Block
		b, data = pem.Decode(data)
		if b == nil {
			return n
		}
		if b.Type != "CERTIFICATE" {
			continue
		}
		if _, err := x509.ParseCertificate(b.Bytes); err == nil {
			n++
		}
	}
}
