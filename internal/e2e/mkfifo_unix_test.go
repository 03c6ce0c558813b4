//go:build unix

package e2e

import "syscall"

// mkfifo makes a named pipe (the FIFO tests skip where there is none).
func mkfifo(path string, mode uint32) error { return syscall.Mkfifo(path, mode) }
