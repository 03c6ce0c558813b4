#!/usr/bin/env bash
# CRLs as real CAs write them (issue 9): issuer names that differ from the CA's subject only
# in string type, case or spacing (the same name under RFC 5280 §7.1; NIST PKITS 4.3.10), and
# the near misses that are other names; a CA whose keyUsage lacks cRLSign; version 1 CRLs as
# `openssl ca -gencrl` writes them without crlnumber and crl_extensions. The issuing CAs are
# in testdata/crl/issuers (given with --ca in the args of NAME.case). Also a self-signed client CA whose
# issuer differs from its subject only in string type (testdata/ca). OpenSSL's own verdict
# (`openssl crl -CAfile`, `openssl verify`) is asserted for every fixture.
# Needs TESTDATA and WORK (as scripts/gen-testdata sets them).
source "$(dirname "$0")/lib.sh"
T=$TESTDATA
C=$T/crl I=$T/crl/issuers
rm -rf "$I"
mkdir -p "$C" "$I" "$T/ca"

# NCONF: the lib's openssl ca configuration with two more profiles; V1CONF: the same without
# crlnumber (and no -crlexts below), so that openssl writes version 1 CRLs.
NCONF=$WORK/crl-names.cnf
cp "$CONF" "$NCONF"
cat >>"$NCONF" <<'CNF'
[ v3_ca_nocrlsign ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign
subjectKeyIdentifier = hash
[ v3_ca_noku ]
basicConstraints = critical,CA:TRUE
subjectKeyIdentifier = hash
CNF
V1CONF=$WORK/crl-v1.cnf
sed -e '/^crlnumber/d' "$NCONF" >"$V1CONF"
# The string types of a name are those of the request (openssl ca -preserveDN keeps them and
# the order): PRINTABLE writes PrintableString where it can, UTF8 writes UTF8String.
PRINTABLE=$WORK/crl-req-printable.cnf UTF8=$WORK/crl-req-utf8.cnf
printf '[ req ]\ndistinguished_name = dn\nstring_mask = default\n[ dn ]\n' >"$PRINTABLE"
printf '[ req ]\ndistinguished_name = dn\nstring_mask = utf8only\n[ dn ]\n' >"$UTF8"

# request KEYNAME SUBJECT REQCONF: $WORK/req.csr with exactly SUBJECT.
request() {
  openssl req -new -config "$3" -key "$WORK/$1.key" -subj "$2" -out "$WORK/req.csr"
}

# ca_cert OUT KEYNAME SUBJECT EXT [REQCONF]: a self-signed CA named exactly SUBJECT (order
# and spacing kept; PrintableString unless REQCONF says otherwise).
ca_cert() {
  request "$2" "$3" "${5:-$PRINTABLE}"
  openssl ca -batch -config "$NCONF" -selfsign -preserveDN -keyfile "$WORK/$2.key" -in "$WORK/req.csr" \
    -startdate $GOOD_START -enddate $GOOD_END -extensions "$4" -notext -out "$WORK/cert.pem" 2>/dev/null
  openssl x509 -in "$WORK/cert.pem" -out "$1"
}

# ncrl OUT CACERT KEYNAME LAST NEXT: a v2 CRL (cRLNumber, authorityKeyIdentifier) whose
# issuer is CACERT's subject byte for byte.
ncrl() {
  openssl ca -batch -config "$NCONF" -gencrl -cert "$2" -keyfile "$WORK/$3.key" \
    -crl_lastupdate "$4" -crl_nextupdate "$5" -crlexts crl_ext -out "$1" 2>/dev/null
}

# openssl_verdict CRL CA ok|fail: asserts what `openssl crl -CAfile` says.
openssl_verdict() {
  local got
  got=$(openssl crl -in "$1" -CAfile "$2" -noout 2>&1 || true)
  case "$3:$got" in
    "ok:verify OK") ;;
    fail:*"verify OK"*) echo "$1: openssl accepts it, expected a failure" >&2; exit 1 ;;
    fail:*) ;;
    *) echo "$1: openssl says '$got', expected verify OK" >&2; exit 1 ;;
  esac
}

## The client CA: PrintableString O and CN.
rsa_key crl_names 3072
SUBJ="/O=vpncertlint/CN=vpncertlint Name Test CA"
ca_cert "$I/names-ca.pem" crl_names "$SUBJ" v3_ca
CA=$I/names-ca.pem
ARGS="--ca testdata/crl/issuers/names-ca.pem"

# Each CRL is signed by the CA's key through a stand-in certificate (in $WORK only) whose
# subject is the issuer name wanted; the client CA itself is unchanged.
# variant NAME SUBJECT REQCONF ok|fail
variant() {
  ca_cert "$WORK/as-$1.pem" crl_names "$2" v3_ca "$3"
  ncrl "$C/$1.crl" "$WORK/as-$1.pem" crl_names 20260501000000Z 20260801000000Z
  openssl_verdict "$C/$1.crl" "$CA" "$4"
  case_args "$C/$1.crl" --role crl --no-zlint "$ARGS"
}
# the same name (RFC 5280 §7.1, RFC 4518): openssl verifies these
variant issuer-utf8string "$SUBJ" "$UTF8" ok
variant issuer-case "/O=VPNCERTLINT/CN=VPNCertLint NAME test ca" "$PRINTABLE" ok
variant issuer-spaces "/O= vpncertlint/CN=vpncertlint   Name Test CA  " "$PRINTABLE" ok
# other names: VPN.0079
variant issuer-one-char "/O=vpncertlint/CN=vpncertlint Name Test CB" "$PRINTABLE" fail
variant issuer-attribute-order "/CN=vpncertlint Name Test CA/O=vpncertlint" "$PRINTABLE" fail
variant issuer-no-space "/O=vpncertlint/CN=vpncertlint NameTest CA" "$PRINTABLE" fail

## A CA whose keyUsage lacks cRLSign, and one without keyUsage (may sign CRLs).
rsa_key crl_nosign 3072
ca_cert "$I/no-crlsign-ca.pem" crl_nosign "/CN=vpncertlint CA without cRLSign" v3_ca_nocrlsign
ncrl "$C/issuer-no-crlsign.crl" "$I/no-crlsign-ca.pem" crl_nosign 20260501000000Z 20260801000000Z
openssl_verdict "$C/issuer-no-crlsign.crl" "$I/no-crlsign-ca.pem" ok
case_args "$C/issuer-no-crlsign.crl" --role crl --no-zlint --ca testdata/crl/issuers/no-crlsign-ca.pem
ca_cert "$I/no-keyusage-ca.pem" crl_nosign "/CN=vpncertlint CA without keyUsage" v3_ca_noku
ncrl "$C/issuer-no-keyusage.crl" "$I/no-keyusage-ca.pem" crl_nosign 20260501000000Z 20260801000000Z
openssl_verdict "$C/issuer-no-keyusage.crl" "$I/no-keyusage-ca.pem" ok
case_args "$C/issuer-no-keyusage.crl" --role crl --no-zlint --ca testdata/crl/issuers/no-keyusage-ca.pem

## Version 1 CRLs (openssl ca -gencrl, no crlnumber, no crl_extensions).
v1crl() {
  openssl ca -batch -config "$V1CONF" -gencrl -cert "$2" -keyfile "$WORK/$3.key" \
    -crl_lastupdate "$4" -crl_nextupdate "$5" -out "$1" 2>/dev/null
  openssl crl -in "$1" -noout -text | grep -q 'Version 1 (0x0)' || { echo "$1: not a v1 CRL" >&2; exit 1; }
  case_args "$1" --role crl --no-zlint "$ARGS"
}
v1crl "$C/v1.crl" "$CA" crl_names 20260501000000Z 20260801000000Z
openssl_verdict "$C/v1.crl" "$CA" ok
v1crl "$C/v1-stale.crl" "$CA" crl_names 20260101000000Z 20260201000000Z
openssl_verdict "$C/v1-stale.crl" "$CA" ok
# the same name, signed by another key: the signature of a v1 CRL is checked too
rsa_key crl_impostor 3072
ca_cert "$WORK/crl-impostor.pem" crl_impostor "$SUBJ" v3_ca
v1crl "$C/v1-bad-signature.crl" "$WORK/crl-impostor.pem" crl_impostor 20260501000000Z 20260801000000Z
openssl_verdict "$C/v1-bad-signature.crl" "$CA" fail

## testdata/ca: a self-signed CA whose issuer is its subject in UTF8String while the subject
## is PrintableString: self-issued (RFC 5280 §7.1), not an intermediate.
ca_cert "$WORK/utf8-self.pem" crl_names "$SUBJ" v3_ca "$UTF8"
request crl_names "$SUBJ" "$PRINTABLE"
openssl ca -batch -config "$NCONF" -preserveDN -cert "$WORK/utf8-self.pem" -keyfile "$WORK/crl_names.key" -in "$WORK/req.csr" \
  -startdate $GOOD_START -enddate $GOOD_END -extensions v3_ca -notext -out "$WORK/cert.pem" 2>/dev/null
openssl x509 -in "$WORK/cert.pem" -out "$T/ca/self-issued-string-types.pem"
openssl verify -CAfile "$T/ca/self-issued-string-types.pem" "$T/ca/self-issued-string-types.pem" >/dev/null
