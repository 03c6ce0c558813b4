package lint

// cloudEnglish holds English renderings of the cloud table's Chinese description and remedy
// (the table gives them only in Chinese) for the codes vpncertlint can raise or relates to.
// Other codes fall back to the English message and the Chinese remedy.
var cloudEnglish = map[string][2]string{
	"VPN.0001": {"An input parameter is invalid.", "Contact technical support."},
	"VPN.0070": {"The key algorithm of certificate %s is invalid.", "Import a certificate whose key algorithm meets the requirements."},
	"VPN.0071": {"The signature algorithm of certificate %s is invalid.", "Import a certificate whose signature algorithm meets the requirements."},
	"VPN.0072": {"Certificate %s has expired.", "Import a client CA certificate that has not expired."},
	"VPN.0073": {"Certificate %s is not yet valid.", "Import a certificate that is already valid."},
	"VPN.0074": {"The format of certificate %s is invalid.", "Import a correct certificate."},
	"VPN.0075": {"The content of certificate %s is invalid.", "Import a correct certificate."},
	"VPN.0076": {"Certificate %s is not a CA certificate.", "Import a correct certificate."},
	"VPN.0077": {"Certificate %s is a duplicate.", "Delete the duplicate certificate."},
	"VPN.0078": {"The format of CRL %s is invalid.", "Import a correct CRL."},
	"VPN.0079": {"The content of CRL %s is invalid.", "Import a correct CRL."},
	"VPN.0080": {"The date of CRL %s is invalid.", "Import a correct CRL."},
	"VPN.1100": {"The server certificate cannot be empty.", "Provide a server certificate."},
	"VPN.1101": {"At least one client CA certificate is required.", "Make sure there is at least one client CA certificate."},
	"VPN.1102": {"The number of servers exceeds the upper limit.", "Do not create more than one server under a gateway."},
	"VPN.1103": {"CIDR block %s is invalid.", "Enter a valid CIDR block."},
	"VPN.1104": {"CIDR block %s is unavailable.", "Enter a usable CIDR block."},
	"VPN.1105": {"The number of local subnets exceeds the upper limit.", "Enter 20 or fewer local subnets."},
	"VPN.1106": {"Local subnet %s is duplicated.", "Delete the duplicate local subnet."},
	"VPN.1107": {"The mask length of the client CIDR block must be in the range [16,26].", "Enter a suitable client CIDR block."},
	"VPN.1108": {"The client CIDR block holds fewer addresses than the gateway's connections need.", "Enter a suitable client CIDR block."},
	"VPN.1109": {"The client CIDR block conflicts with VPC route %s.", "Enter a suitable client CIDR block."},
	"VPN.1110": {"The status of server certificate %s is abnormal.", "Check the certificate's status."},
	"VPN.1111": {"The number of client CA certificates exceeds the upper limit.", "Import 10 or fewer client CA certificates."},
	"VPN.1112": {"Server certificate %s was not found.", "Check that the server certificate ID is correct."},
	"VPN.1115": {"Client CA certificate %s does not exist.", "Check that the client CA certificate ID is correct."},
	"VPN.1118": {"The local CIDR block cannot be empty.", "Enter a local CIDR block."},
	"VPN.1119": {"The client CIDR block conflicts with local CIDR block %s.", "Enter a suitable client CIDR block."},
	"VPN.1120": {"Client CRL %s does not exist.", "Check that the client CRL ID is correct."},
}
