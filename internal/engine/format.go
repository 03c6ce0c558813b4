package engine

import "github.com/vpncertlint/vpncertlint/internal/pemformat"

// The format checks live in pemformat, shared with bodycheck (client CA contents of server
// bodies); these names keep the engine's code short.

const (
	kindCert  = pemformat.KindCert
	kindCRL   = pemformat.KindCRL
	labelCert = pemformat.LabelCert
	labelCRL  = pemformat.LabelCRL
)

var (
	wrongType    = pemformat.WrongType
	fileFindings = pemformat.FileFindings
)
