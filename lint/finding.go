package lint

// Object identifies the certificate or CRL a finding is about.
type Object struct {
	Subject string `json:"subject,omitempty"`
	Issuer  string `json:"issuer,omitempty"`
	Serial  string `json:"serial,omitempty"`
	SHA256  string `json:"sha256,omitempty"`
}

// Finding is one result. Message, Description and Remedy are filled from the catalogue
// by Report.Finalize; checks set Code, Args, Detail and the location.
type Finding struct {
	Code        string   `json:"code"`
	Severity    Severity `json:"severity"`
	HTTPStatus  int      `json:"http_status,omitempty"`
	Message     string   `json:"message"`
	Description string   `json:"description"`
	Remedy      string   `json:"remedy"`
	Detail      string   `json:"detail"`
	File        string   `json:"file"`
	Line        int      `json:"line"`
	// Field is the JSON/YAML path of the offending field in a server body, if any.
	Field string `json:"field,omitempty"`
	// Resource is the Terraform resource address the finding is about
	// (module.vpn.huaweicloud_vpn_server.main), for a plan or a configuration; Field is then
	// the argument path (client_ca_certificates[1].content).
	Resource string `json:"resource,omitempty"`
	Related  string `json:"related,omitempty"`
	Object

	// Args fill the message's %s placeholders (the file's base name, the certificate's name…).
	Args []string `json:"-"`
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

// Resolve fills the message, description, remedy and HTTP status in lang.
func (f *Finding) Resolve(lang string) {
	c, ok := Lookup(f.Code)
	if !ok {
		return
	}
	f.Message = c.Format(f.Args...)
	f.Description = fill(c.Description(lang), f.Args)
	f.Remedy = c.Remedy(lang)
	f.HTTPStatus = c.HTTPStatus
	if f.Related == "" {
		f.Related = c.Related
	}
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
