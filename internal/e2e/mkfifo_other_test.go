//go:build !unix

package e2e

import "errors"

// mkfifo makes a named pipe: not on this system (Windows has no FIFOs in the file system),
// so the FIFO tests skip.
func mkfifo(string, uint32) error { return errors.ErrUnsupported }
