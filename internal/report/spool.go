package report

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"

	"github.com/vpncertlint/vpncertlint/lint"
)

// ErrSpoolCorrupt is returned when the temporary file cannot be read back as written.
var ErrSpoolCorrupt = errors.New("the report's temporary file is corrupt")

// segmentSize bounds the findings written as one segment.
const segmentSize = 64 << 10

// segment is one record in the spool file.
type segment struct {
	off  int64
	size int
	n    int // records
	run  int // the spill that wrote it: a file's findings of one run are sorted
}

// fileRecord is a spooled file result: the objects added ahead of it (Report.AddObjects),
// in segments, then the rest of it.
type fileRecord struct {
	parts []segment
	seg   segment
}

// spool keeps a large run's findings (grouped by file) and file results (in order) in a
// temporary file, unlinked at once where the system allows it. Only the index stays in
// memory: a few segments per file that has findings.
type spool struct {
	f      *os.File
	w      *bufio.Writer
	off    int64
	groups map[string][]segment // findings, by Finding.File, in the order added
	files  []fileRecord         // file results, in the order added

	counts   Summary // severities of the spooled findings
	n        int     // spooled findings
	nFiles   int
	nObjects int
	ioErrs   []lint.FileResult // spooled file results with an error (they have no objects)
	codes    map[string]int    // findings per code
	nRuns    int               // spills of findings so far
	parts    []segment         // objects of the next file result (addObjects)
	enc      encoder
	readBuf  []byte
	unlinked bool
}

func newSpool() (*spool, error) {
	f, err := os.CreateTemp("", "vpncertlint-report-*")
	if err != nil {
		return nil, err
	}
	s := &spool{f: f, w: bufio.NewWriterSize(f, 256<<10), groups: map[string][]segment{}, codes: map[string]int{}}
	if runtime.GOOS != "windows" {
		// Unlinked while open: the file goes with the process, whatever happens to it.
		s.unlinked = os.Remove(f.Name()) == nil
	}
	return s, nil
}

func (s *spool) close() {
	if s == nil || s.f == nil {
		return
	}
	_ = s.f.Close() // a temporary file: nothing to keep
	if !s.unlinked {
		_ = os.Remove(s.f.Name()) // best effort: it is in the temporary directory
	}
	s.f = nil
}

func (s *spool) write(b []byte) (segment, error) {
	seg := segment{off: s.off, size: len(b)}
	if _, err := s.w.Write(b); err != nil {
		return seg, err
	}
	s.off += int64(len(b))
	return seg, nil
}

// addFindings writes fs, which are in the report's order (sortFindings): one sorted run per
// file, which merge reads back with the other runs of the file.
func (s *spool) addFindings(fs []lint.Finding) error {
	s.nRuns++
	for i := 0; i < len(fs); {
		j := i
		for j < len(fs) && fs[j].File == fs[i].File {
			j++
		}
		// One file's findings go in segments of about segmentSize bytes, so the buffer and the
		// reads stay small whatever the number of findings.
		for k := i; k < j; {
			s.enc.b = s.enc.b[:0]
			first := k
			for ; k < j && len(s.enc.b) < segmentSize; k++ {
				s.enc.finding(&fs[k])
				s.count(&fs[k])
			}
			seg, err := s.write(s.enc.b)
			if err != nil {
				return err
			}
			seg.n = k - first
			seg.run = s.nRuns
			s.groups[fs[i].File] = append(s.groups[fs[i].File], seg)
		}
		i = j
	}
	return nil
}

func (s *spool) count(f *lint.Finding) {
	s.n++
	s.codes[f.Code]++
	switch f.Severity {
	case lint.Error:
		s.counts.Error++
	case lint.Warning:
		s.counts.Warning++
	case lint.Notice:
		s.counts.Notice++
	}
}

func (s *spool) addFiles(frs []lint.FileResult) error {
	for i := range frs {
		fr := &frs[i]
		s.nFiles++
		s.nObjects += len(fr.Objects)
		if fr.Error != "" {
			s.ioErrs = append(s.ioErrs, lint.FileResult{File: fr.File, Error: fr.Error, Objects: []lint.ObjectInfo{}})
		}
		// A file of many objects is written in pieces of about segmentSize bytes (one
		// record all the same), so the encoder's buffer stays small whatever their number.
		s.enc.b = s.enc.b[:0]
		seg := segment{off: s.off}
		var err error
		s.enc.fileResult(fr, func() {
			if err == nil && len(s.enc.b) >= segmentSize {
				var part segment
				part, err = s.write(s.enc.b)
				seg.size += part.size
				s.enc.b = s.enc.b[:0]
			}
		})
		if err != nil {
			return err
		}
		part, err := s.write(s.enc.b)
		if err != nil {
			return err
		}
		seg.size += part.size
		s.files = append(s.files, fileRecord{parts: s.parts, seg: seg})
		s.parts = nil
	}
	return nil
}

// addObjects writes objects of the next file result, which come ahead of those addFiles
// writes with it.
func (s *spool) addObjects(objs []lint.ObjectInfo) error {
	for len(objs) > 0 {
		s.enc.b = s.enc.b[:0]
		k := 0
		for ; k < len(objs) && len(s.enc.b) < segmentSize; k++ {
			s.enc.objectInfo(&objs[k])
		}
		seg, err := s.write(s.enc.b)
		if err != nil {
			return err
		}
		seg.n = k
		s.parts = append(s.parts, seg)
		s.nObjects += k
		objs = objs[k:]
	}
	return nil
}

// read returns the bytes of seg (valid until the next read).
func (s *spool) read(seg segment) ([]byte, error) {
	if err := s.w.Flush(); err != nil {
		return nil, err
	}
	var b []byte
	if seg.size > 4*segmentSize {
		b = make([]byte, seg.size) // one file of many objects: not kept for the next read
	} else {
		if cap(s.readBuf) < seg.size {
			s.readBuf = make([]byte, seg.size)
		}
		b = s.readBuf[:seg.size]
	}
	if _, err := s.f.ReadAt(b, seg.off); err != nil && (!errors.Is(err, io.EOF) || len(b) != 0) {
		return nil, fmt.Errorf("reading the report's temporary file: %w", err)
	}
	return b, nil
}

// readInto reads the bytes of seg into buf (grown as needed) and returns them.
func (s *spool) readInto(seg segment, buf []byte) ([]byte, error) {
	if err := s.w.Flush(); err != nil {
		return nil, err
	}
	if cap(buf) < seg.size {
		buf = make([]byte, seg.size)
	}
	b := buf[:seg.size]
	if _, err := s.f.ReadAt(b, seg.off); err != nil && (!errors.Is(err, io.EOF) || len(b) != 0) {
		return nil, fmt.Errorf("reading the report's temporary file: %w", err)
	}
	return b, nil
}

// runReader reads one sorted run of a file's findings: spooled, a segment at a time, or
// in memory (mem).
type runReader struct {
	s     *spool
	segs  []segment
	buf   []byte
	d     decoder
	cur   lint.Finding
	mem   []lint.Finding
	order int // the run's place in the order written
}

// next decodes the run's next finding into cur: false at the end of the run.
func (rr *runReader) next() (bool, error) {
	if rr.s == nil {
		if len(rr.mem) == 0 {
			return false, nil
		}
		rr.cur, rr.mem = rr.mem[0], rr.mem[1:]
		return true, nil
	}
	for len(rr.d.b) == 0 {
		if len(rr.segs) == 0 {
			return false, nil
		}
		b, err := rr.s.readInto(rr.segs[0], rr.buf)
		if err != nil {
			return false, err
		}
		rr.buf, rr.segs, rr.d.b = b, rr.segs[1:], b
	}
	rr.cur = lint.Finding{}
	rr.d.finding(&rr.cur)
	return rr.d.err == nil, rr.d.err
}

// runs splits the spooled findings of file into their sorted runs, in the order written.
func (s *spool) runs(file string) []*runReader {
	var out []*runReader
	strs := map[string]string{} // shared by the runs' decoders: a bounded intern table
	for _, seg := range s.groups[file] {
		if len(out) == 0 || out[len(out)-1].segs[0].run != seg.run {
			out = append(out, &runReader{s: s, d: decoder{strs: strs}})
		}
		rr := out[len(out)-1]
		rr.segs = append(rr.segs, seg)
	}
	return out
}

// eachFile calls fn with each spooled file result, in order: its objects added ahead of it
// (addObjects) are not in fr.Objects but handed on by parts, which fn may call once to read
// them (they come before fr.Objects).
func (s *spool) eachFile(fn func(fr *lint.FileResult, parts *Objects) error) error {
	d := decoder{strs: map[string]string{}}
	for _, rec := range s.files {
		b, err := s.read(rec.seg)
		if err != nil {
			return err
		}
		d.b = b
		var fr lint.FileResult
		d.fileResult(&fr)
		if d.err != nil {
			return d.err
		}
		parts := &Objects{s: s, segs: rec.parts}
		for _, seg := range rec.parts {
			parts.n += seg.n
		}
		if err := fn(&fr, parts); err != nil {
			return err
		}
	}
	return nil
}

// Objects are objects of a file result read back from the spool one at a time (see
// Report.EachFileStream).
type Objects struct {
	s    *spool
	segs []segment
	n    int
}

// Len counts the objects.
func (o *Objects) Len() int {
	if o == nil {
		return 0
	}
	return o.n
}

// Each calls fn with each object, in order; the object is fn's to read, not to keep.
func (o *Objects) Each(fn func(*lint.ObjectInfo) error) error {
	if o.Len() == 0 {
		return nil
	}
	d := decoder{strs: map[string]string{}}
	var buf []byte
	for _, seg := range o.segs {
		b, err := o.s.readInto(seg, buf)
		if err != nil {
			return err
		}
		buf, d.b = b, b
		for len(d.b) > 0 {
			var oi lint.ObjectInfo
			d.objectInfo(&oi)
			if d.err != nil {
				return d.err
			}
			if err := fn(&oi); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *spool) fileKeys() []string {
	keys := make([]string, 0, len(s.groups))
	for k := range s.groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// encoder appends records: unsigned and signed varints, strings as length and bytes.
type encoder struct{ b []byte }

func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int)     { e.b = binary.AppendVarint(e.b, int64(v)) }
func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *encoder) object(o *lint.Object) {
	e.str(o.Subject)
	e.str(o.Issuer)
	e.str(o.Serial)
	e.str(o.SHA256)
}

func (e *encoder) finding(f *lint.Finding) {
	e.str(f.Code)
	e.int(int(f.Severity))
	e.str(f.Detail)
	e.str(f.File)
	e.int(f.Line)
	e.str(f.Field)
	e.str(f.Resource)
	e.str(f.Related)
	e.object(&f.Object)
	e.uint(uint64(len(f.Args)))
	for _, a := range f.Args {
		e.str(a)
	}
}

func (e *encoder) objectInfo(o *lint.ObjectInfo) {
	e.int(o.Line)
	e.str(o.Type)
	e.str(o.Kind)
	e.str(o.Role)
	e.object(&o.Object)
}

// fileResult appends fr; it calls spill (when not nil) after each object, which may take
// the bytes so far away.
func (e *encoder) fileResult(fr *lint.FileResult, spill func()) {
	e.str(fr.File)
	e.str(fr.Error)
	e.uint(uint64(len(fr.Objects)))
	zero := true
	for i := range fr.Objects {
		zero = zero && fr.Objects[i] == lint.ObjectInfo{}
	}
	if zero { // a lean report's objects only count
		e.uint(0)
		return
	}
	e.uint(1)
	for i := range fr.Objects {
		e.objectInfo(&fr.Objects[i])
		if spill != nil {
			spill()
		}
	}
}

// decoder reads what encoder wrote. Equal strings are shared (up to a bound): a file's
// findings repeat their code, file name, detail and issuer.
type decoder struct {
	b    []byte
	err  error
	strs map[string]string
	prev [numSlots]string // the previous record's strings, by field

	prevArgs, argBuf []string
}

// Field slots of decoder.field.
const (
	slotCode = iota
	slotDetail
	slotFile
	slotField
	slotRelated
	slotSubject
	slotIssuer
	slotSerial
	slotSHA256
	slotArg0
	slotArgs
	slotType
	slotKind
	slotRole
	slotError
	slotResource
	numSlots
)

func (d *decoder) fail() {
	if d.err == nil {
		d.err = ErrSpoolCorrupt
	}
	d.b = nil
}

func (d *decoder) uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) int() int {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

// field reads the string of one field of a record: the same as the previous record's
// (checked first: neighbouring findings mostly share their code, detail, file and message
// arguments), else a shared or new string.
func (d *decoder) field(slot int) string {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return ""
	}
	raw := d.b[:n]
	d.b = d.b[n:]
	if n == 0 {
		return ""
	}
	if prev := d.prev[slot]; prev == string(raw) {
		return prev
	}
	var s string
	if v, ok := d.strs[string(raw)]; ok {
		s = v
	} else {
		s = string(raw)
		if len(d.strs) < 1<<12 {
			d.strs[s] = s
		}
	}
	d.prev[slot] = s
	return s
}

func (d *decoder) object(o *lint.Object) {
	o.Subject = d.field(slotSubject)
	o.Issuer = d.field(slotIssuer)
	o.Serial = d.field(slotSerial)
	o.SHA256 = d.field(slotSHA256)
}

func (d *decoder) finding(f *lint.Finding) {
	f.Code = d.field(slotCode)
	f.Severity = lint.Severity(d.int())
	f.Detail = d.field(slotDetail)
	f.File = d.field(slotFile)
	f.Line = d.int()
	f.Field = d.field(slotField)
	f.Resource = d.field(slotResource)
	f.Related = d.field(slotRelated)
	d.object(&f.Object)
	if n := d.uint(); n > 0 {
		if n > uint64(len(d.b)) {
			d.fail()
			return
		}
		same := uint64(len(d.prevArgs)) == n
		args := d.argBuf[:0]
		for i := uint64(0); i < n; i++ {
			slot := slotArgs
			if i == 0 {
				slot = slotArg0
			}
			a := d.field(slot)
			same = same && d.prevArgs[i] == a
			args = append(args, a)
		}
		d.argBuf = args
		if !same { // findings in a row mostly have the same arguments: share them (read-only)
			d.prevArgs = append([]string(nil), args...)
		}
		f.Args = d.prevArgs
	}
}

func (d *decoder) fileResult(fr *lint.FileResult) {
	fr.File = d.field(slotFile)
	fr.Error = d.field(slotError)
	n := d.uint()
	if n > uint64(len(d.b))+1<<20 {
		d.fail()
		return
	}
	fr.Objects = make([]lint.ObjectInfo, n)
	if d.uint() == 0 {
		return
	}
	for i := range fr.Objects {
		d.objectInfo(&fr.Objects[i])
	}
}

func (d *decoder) objectInfo(o *lint.ObjectInfo) {
	o.Line = d.int()
	o.Type = d.field(slotType)
	o.Kind = d.field(slotKind)
	o.Role = d.field(slotRole)
	d.object(&o.Object)
}
