package lint

// Role is what an input is checked as. The command line's --role takes RoleAuto, RoleCA,
// RoleServer or RoleCRL; a project configuration's patterns give RoleCA, RoleServer, RoleCRL
// or RoleBody; a certificate under check (certcheck.Cert) is RoleCA or RoleServer.
type Role string

// The roles.
const (
	// RoleAuto judges each input by its content: a CERTIFICATE with cA=TRUE is a client CA
	// upload, any other certificate a server certificate, an X509 CRL block a CRL.
	RoleAuto Role = "auto"
	// RoleCA is a client CA certificate uploaded to the VPN server.
	RoleCA Role = "ca"
	// RoleServer is the server certificate imported into Cloud Certificate Manager.
	RoleServer Role = "server"
	// RoleCRL is a CRL uploaded to the VPN server.
	RoleCRL Role = "crl"
	// RoleBody is a VPN Server request body, whatever its content (a configuration's body
	// patterns); otherwise a body is recognised by its content under any role.
	RoleBody Role = "body"
)
