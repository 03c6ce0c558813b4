package lint

// interner shares equal strings between findings. A run over thousands of certificates
// raises the same few messages and descriptions (they name the file, not the certificate)
// and details thousands of times; sharing them keeps the report's memory to one copy each.
type interner map[string]string

func (in interner) str(s *string) {
	if *s == "" {
		return
	}
	if v, ok := in[*s]; ok {
		*s = v
		return
	}
	in[*s] = *s
}

func (in interner) finding(f *Finding) {
	in.str(&f.Message)
	in.str(&f.Description)
	in.str(&f.Detail)
}
