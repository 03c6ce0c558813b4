package lint

// ObjectInfo lists one PEM block (or DER object, or body) of an input and how it was taken.
type ObjectInfo struct {
	Line int `json:"line"`
	// Type is the PEM block type ("CERTIFICATE", "X509 CRL", …), "DER" or "BODY".
	Type string `json:"type"`
	// Kind is what the object was checked as: certificate, crl, body, or other.
	Kind string `json:"kind"`
	// Role is ca or server for certificates.
	Role string `json:"role,omitempty"`
	Object
}

// StdinName is the file name of standard input (the PATH -) in reports. A file of that name
// given or found on disk is named ./stdin.
const StdinName = "stdin"

// FileResult is what happened to one input.
type FileResult struct {
	File    string       `json:"file"`
	Objects []ObjectInfo `json:"objects"`
	// Error is set when the input could not be read; the run then exits 2.
	Error string `json:"error,omitempty"`
}
