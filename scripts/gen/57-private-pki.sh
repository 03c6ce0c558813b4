#!/usr/bin/env bash
# An ordinary private VPN PKI made with openssl (issue 11 item 4): a client CA with the
# extensions `openssl req -x509` gives with OpenSSL's default configuration (v3_ca of
# openssl.cnf: subjectKeyIdentifier, authorityKeyIdentifier, basicConstraints critical
# CA:TRUE, no keyUsage), server certificates as VPN HOWTOs make them (RSA-3072, non-critical
# basicConstraints and keyUsage, serverAuth, a subjectAltName, 825 days), one of them named
# "server" as in the OpenVPN HOWTO, and a CRL. With the default zlint profile (private) they
# must give no finding at all; they are in testdata/zlint, whose goldens include zlint. Also a
# server certificate without extendedKeyUsage and keyUsage, which OpenVPN clients configured
# with remote-cert-tls server reject: the private profile's two server lints report it.
# The dates are fixed (openssl ca; `openssl req -x509` cannot set them in OpenSSL 3.0).
# Needs TESTDATA and WORK (as scripts/gen-testdata sets them).
source "$(dirname "$0")/lib.sh"
Z=$TESTDATA/zlint
mkdir -p "$Z"

PCONF=$WORK/private-pki.cnf
cp "$CONF" "$PCONF"
cat >>"$PCONF" <<'CNF'
[ v3_req_x509_default ]
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always,issuer
basicConstraints = critical,CA:true
[ v3_vpn_server ]
basicConstraints = CA:FALSE
keyUsage = digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:vpn.example.com
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid,issuer
[ v3_vpn_server_single_label ]
basicConstraints = CA:FALSE
keyUsage = digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:server
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid,issuer
[ v3_vpn_server_no_eku_ku ]
basicConstraints = CA:FALSE
subjectAltName = DNS:vpn.example.com
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid,issuer
CNF

rsa_key p_ca 3072
rsa_key p_server 3072
CA=$Z/private-ca.pem
START=20250101000000Z
END_825=20270406000000Z # START + 825 days

openssl req -new -key "$WORK/p_ca.key" -subj "/CN=Example VPN Client CA" -out "$WORK/req.csr" 2>/dev/null
openssl ca -batch -config "$PCONF" -selfsign -keyfile "$WORK/p_ca.key" -in "$WORK/req.csr" \
  -startdate "$START" -enddate "$GOOD_END" -extensions v3_req_x509_default -notext -out "$WORK/cert.pem" 2>/dev/null
openssl x509 -in "$WORK/cert.pem" -out "$CA"

# server OUT CN EXT: a server certificate of p_server issued by the CA for 825 days.
server() {
  openssl req -new -key "$WORK/p_server.key" -subj "/CN=$2" -out "$WORK/req.csr" 2>/dev/null
  openssl ca -batch -config "$PCONF" -cert "$CA" -keyfile "$WORK/p_ca.key" -in "$WORK/req.csr" \
    -startdate "$START" -enddate "$END_825" -extensions "$3" -notext -out "$WORK/cert.pem" 2>/dev/null
  openssl x509 -in "$WORK/cert.pem" -out "$1"
}
server "$Z/private-server.pem" vpn.example.com v3_vpn_server
server "$Z/private-server-single-label.pem" server v3_vpn_server_single_label
server "$Z/private-server-no-eku-ku.pem" vpn.example.com v3_vpn_server_no_eku_ku

openssl ca -batch -config "$PCONF" -gencrl -cert "$CA" -keyfile "$WORK/p_ca.key" \
  -crl_lastupdate 20260501000000Z -crl_nextupdate 20260701000000Z -crlexts crl_ext \
  -out "$Z/private-ca.crl" 2>/dev/null
case_args "$Z/private-ca.crl" --role auto --ca testdata/zlint/private-ca.pem

# OpenSSL agrees that the PKI is sound.
openssl verify -CAfile "$CA" "$Z/private-server.pem" "$Z/private-server-single-label.pem" \
  "$Z/private-server-no-eku-ku.pem" >/dev/null
openssl crl -in "$Z/private-ca.crl" -CAfile "$CA" -noout 2>&1 | grep -q 'verify OK'
