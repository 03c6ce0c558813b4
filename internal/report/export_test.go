package report

// SetPathSeparator makes SlashPath use sep, as on Windows, for the external tests; it
// returns the function that restores it.
func SetPathSeparator(sep byte) (restore func()) {
	old := pathSeparator
	pathSeparator = sep
	return func() { pathSeparator = old }
}
