package pemscan

import (
	"bytes"
	"encoding/base64"
	"math/rand"
	"runtime"
	"strings"
	"testing"
)

// wholeBody decodes a block's body at once, as Scan did before it decoded bodies in chunks:
// the reference for TestChunkedDecodeMatchesWhole.
func wholeBody(body string) ([]byte, string) {
	dec := make([]byte, base64.StdEncoding.DecodedLen(len(body)))
	n, err := base64.StdEncoding.Decode(dec, []byte(body))
	if err != nil {
		return nil, "the base64 body does not decode: " + base64Reason(err, len(body))
	}
	return dec[:n], ""
}

// TestChunkedDecodeMatchesWhole: a body is decoded in chunks of chunkChars as it is read;
// the bytes, and for a body that does not decode the detail (with the position of the
// error in the whole body), are those of decoding it at once, for bodies on both sides of
// the chunk size with padding, stray '=' and truncation at and around chunk boundaries.
func TestChunkedDecodeMatchesWhole(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	raw := make([]byte, 3*chunkChars)
	rng.Read(raw)
	full := base64.StdEncoding.EncodeToString(raw)
	var bodies []string
	for _, n := range []int{4, chunkChars - 4, chunkChars, chunkChars + 4, 2*chunkChars + 8, len(full)} {
		b := full[:n]
		bodies = append(bodies, b, b[:len(b)-1], b[:len(b)-2]+"==", b[:len(b)-1]+"=")
	}
	for _, p := range []int{1, chunkChars - 1, chunkChars, chunkChars + 2, 2*chunkChars + 5} {
		bodies = append(bodies, full[:p]+"="+full[p+1:], full[:p]+"=="+full[p+2:]+"AAAA")
	}
	for _, body := range bodies {
		var pem strings.Builder
		pem.WriteString("-----BEGIN CERTIFICATE-----\n")
		for i := 0; i < len(body); i += 64 {
			pem.WriteString(body[i:min(i+64, len(body))] + "\n")
		}
		pem.WriteString("-----END CERTIFICATE-----\n")
		want, detail := wholeBody(body)
		r := Scan([]byte(pem.String()))
		if len(r.Blocks) != 1 {
			t.Fatalf("%d blocks", len(r.Blocks))
		}
		b := r.Blocks[0]
		if b.Detail != detail || !bytes.Equal(b.Bytes, want) || (detail == "") != (b.Problem == ProblemNone) {
			t.Errorf("body of %d characters: got %q (%d bytes), want %q (%d bytes)", len(body), b.Detail, len(b.Bytes), detail, len(want))
		}
	}
}

// TestScanFuncHandsBlocksAsFound: ScanFunc hands each block on when it ends (before the
// next one is read) with what Scan lists, and keeps no list itself.
func TestScanFuncHandsBlocksAsFound(t *testing.T) {
	data := []byte("x\n-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n-----BEGIN X509 CRL-----\n!!\n-----END X509 CRL-----\n-----BEGIN CERTIFICATE-----\nAA==\n")
	want := Scan(data)
	var got []Block
	r := ScanFunc(data, func(b *Block) {
		if len(got) != r0(b) {
			t.Errorf("block at line %d handed on late", b.BeginLine)
		}
		got = append(got, *b)
	})
	if r.Blocks != nil || r.NBlocks != 3 || want.NBlocks != 3 {
		t.Fatalf("ScanFunc kept %d blocks, counted %d (Scan %d)", len(r.Blocks), r.NBlocks, want.NBlocks)
	}
	for i := range got {
		if got[i].Type != want.Blocks[i].Type || got[i].BeginLine != want.Blocks[i].BeginLine || got[i].Problem != want.Blocks[i].Problem || !bytes.Equal(got[i].Bytes, want.Blocks[i].Bytes) {
			t.Errorf("block %d: %+v, Scan: %+v", i, got[i], want.Blocks[i])
		}
	}
	if r.StrayLines != want.StrayLines || r.Lines != want.Lines {
		t.Errorf("result %+v, Scan %+v", r, want)
	}
}

// r0 is the index a block has by its BEGIN line in TestScanFuncHandsBlocksAsFound's data.
func r0(b *Block) int { return map[int]int{2: 0, 5: 1, 8: 2}[b.BeginLine] }

// TestEqualsInFirstChunk: a body of one line holding '=' before its end is not decoded in
// chunks (a chunk with '=' inside would decode partially without error) but at once at the
// END line, where the stray '=' is an error; the same line without '=' decodes in chunks.
func TestEqualsInFirstChunk(t *testing.T) {
	long := strings.Repeat("A", chunkChars)
	for _, tc := range []struct {
		body    string
		problem string
	}{
		{"AAA=" + long, ProblemBase64},
		{"AAAA" + long, ProblemNone},
		{long[:chunkChars-4] + "AA==", ProblemNone}, // '=' ends a body of exactly chunkChars
	} {
		b := scanOne(t, "-----BEGIN X-----\n"+tc.body+"\n-----END X-----\n")
		if b.Problem != tc.problem {
			t.Errorf("body %.8s… (%d chars): problem %q (%s), want %q", tc.body, len(tc.body), b.Problem, b.Detail, tc.problem)
		}
		if want, _ := wholeBody(tc.body); !bytes.Equal(b.Bytes, want) {
			t.Errorf("body %.8s… (%d chars): %d bytes, want %d", tc.body, len(tc.body), len(b.Bytes), len(want))
		}
	}
}

// TestDecodedSizeIsPerBlock: the room made for a block's decoded body is sized by the text up
// to the next five dashes (its END line), not by the rest of the input: scanning many small
// blocks allocates in proportion to the input, not to its square.
func TestDecodedSizeIsPerBlock(t *testing.T) {
	var in strings.Builder
	for range 2000 {
		in.WriteString("-----BEGIN X-----\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n-----END X-----\n")
	}
	data := []byte(in.String())
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	n := 0
	ScanFunc(data, func(b *Block) {
		if b.Problem == ProblemNone && len(b.Bytes) == 36 {
			n++
		}
	})
	runtime.ReadMemStats(&after)
	if n != 2000 {
		t.Fatalf("%d good blocks, want 2000", n)
	}
	// about 200 bytes a block (Block, its Bytes, a few strings); quadratic would be ~100 MB
	if got, limit := after.TotalAlloc-before.TotalAlloc, uint64(20*len(data)); got > limit {
		t.Errorf("scanning %d bytes allocated %d bytes, want at most %d", len(data), got, limit)
	}
}
