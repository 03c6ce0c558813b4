//go:build !unix

package main

import "os/exec"

// killGroup leaves cmd's default cancellation (killing cmd's process only): process groups
// are a unix feature.
func killGroup(*exec.Cmd) {}
