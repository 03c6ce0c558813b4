package engine

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
	"time"
)

// DefaultPipeIdleTimeout is Options.PipeIdleTimeout's default.
const DefaultPipeIdleTimeout = 30 * time.Second

// openInput opens a file to read. A named pipe is opened without blocking: opening a FIFO
// that no process writes to would otherwise wait forever. Read from it, such a pipe is at its
// end at once (an empty input); one whose writer goes silent for idle is an error.
func openInput(path string, idle time.Duration) (*os.File, io.Reader, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if st.Mode()&os.ModeNamedPipe == 0 {
		f, err := os.Open(path)
		return f, f, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	return f, &idleReader{f, idle}, nil
}

// idleReader reads a pollable file with a deadline (idle) renewed on each read.
type idleReader struct {
	f    *os.File
	idle time.Duration
}

func (r *idleReader) Read(p []byte) (int, error) {
	if err := r.f.SetReadDeadline(time.Now().Add(r.idle)); err != nil {
		return r.f.Read(p) // not pollable: a plain blocking read
	}
	n, err := r.f.Read(p)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return n, fmt.Errorf("the pipe sent no data for %v", r.idle)
	}
	return n, err
}

// readSized reads a regular file of the given size (at most limit bytes) into one buffer of
// that size, without the repeated growing and copying of io.ReadAll. A file that grows while
// it is read is still cut at limit.
func readSized(r io.Reader, size, limit int64) ([]byte, error) {
	buf := make([]byte, size+1) // one byte more, to see the end (or growth) at once
	n, err := io.ReadFull(r, buf)
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return buf[:n], nil
	case err != nil:
		return nil, ioError(err)
	}
	// The file grew: read the rest as a stream, still bounded.
	rest, err := io.ReadAll(io.LimitReader(r, limit+1-int64(n)))
	if err != nil {
		return nil, ioError(err)
	}
	buf = append(buf[:n], rest...)
	if int64(len(buf)) > limit {
		return nil, errTooLarge{limit}
	}
	return buf, nil
}
