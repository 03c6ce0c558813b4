package lint

// Object identifies the certificate or CRL a finding is about.
type Object struct {
	Subject string `json:"subject,omitempty"`
	Issuer  string `json:"issuer,omitempty"`
	Serial  string `json:"serial,omitempty"`
	SHA256  string `json:"sha256,omitempty"`
}

// Finding is one result: a code with the arguments of its texts, a detail, a location and
// the object it is about. It carries no text in any language: the output formats render the
// message, description and remedy from the code and Args at output time (Text).
type Finding struct {
	Code     string
	Severity Severity
	Detail   string
	File     string
	Line     int
	// Field is the JSON/YAML path of the offending field in a server body, if any.
	Field string
	// Resource is the Terraform resource address the finding is about
	// (module.vpn.huaweicloud_vpn_server.main), for a plan or a configuration; Field is then
	// the argument path (client_ca_certificates[1].content).
	Resource string
	// Related names a code to see too ("" takes the catalogue's, if any).
	Related string
	Object

	// Args fill the texts' %s placeholders (the file's base name, the certificate's name…).
	Args []string
}

// Text is a finding's text in one language, rendered from the catalogue.
type Text struct {
	Message, Description, Remedy string
	HTTPStatus                   int
	Related                      string
}

// New returns a finding for code with its catalogue severity.
func New(code string, detail string, args ...string) Finding {
	c := MustLookup(code)
	return Finding{Code: code, Severity: c.Severity, Detail: detail, Args: args, Related: c.Related}
}

// At sets the finding's location and returns it.
func (f Finding) At(file string, line int) Finding {
	f.File, f.Line = file, line
	return f
}

// About sets the object the finding is about and returns it.
func (f Finding) About(o Object) Finding {
	f.Object = o
	return f
}

// Text renders the finding's message (English: the cloud's and zlint's texts are), its
// description and remedy in lang ("en" or "zh"), its HTTP status and its related code. A
// code missing from the catalogue has empty texts.
func (f *Finding) Text(lang string) Text {
	c, ok := Lookup(f.Code)
	if !ok {
		return Text{Related: f.Related}
	}
	t := Text{Message: c.Format(f.Args...), Description: fill(c.Description(lang), f.Args),
		Remedy: c.Remedy(lang), HTTPStatus: c.HTTPStatus, Related: f.Related}
	if t.Related == "" {
		t.Related = c.Related
	}
	return t
}

// Where names the Terraform resource and argument of a finding ("" for other findings):
// huaweicloud_vpn_server.main.client_ca_certificates[1].content.
func (f *Finding) Where() string {
	if f.Resource == "" {
		return ""
	}
	if f.Field == "" {
		return f.Resource
	}
	return f.Resource + "." + f.Field
}
