# Well-formed certificates that zcrypto cannot parse (issue 9, item 3): they are checked from
# their DER with the notice VCL.0751, not reported as VPN.0075. And their negatives, which are
# not certificates and stay VPN.0075. Writes only the files named here.
#   testdata/auto/crldp-relative-ca.pem    a CA whose CRL distribution point is a
#                                          nameRelativeToCRLIssuer (as NIST PKITS 4.14.4)
#   testdata/auto/crldp-relative-leaf.pem  a server certificate it issued, with the same
#   testdata/auto/ec-compressed-ca.pem     a P-256 CA whose public key is a compressed point
#   testdata/crl/by-ec-compressed-ca.crl   a CRL signed by that CA (verified with its key)
#   testdata/format/san-ip-8-bytes.pem     an 8-byte iPAddress in the SAN: not a certificate
#   testdata/format/crldp-relative-truncated.pem  the relative-name CA cut short
source "$(dirname "$0")/lib.sh"
T=$TESTDATA
mkdir -p "$T/auto" "$T/crl" "$T/format"

cat >"$WORK/pf.cnf" <<CNF
.include $CONF
[ pf_ca_reldp ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
crlDistributionPoints = pf_dp
[ pf_leaf_reldp ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
crlDistributionPoints = pf_dp
[ pf_dp ]
relativename = pf_dp_rdn
[ pf_dp_rdn ]
CN = vpncertlint Relative CRL
[ pf_leaf_ip8 ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
# GeneralNames { iPAddress [7] of 8 bytes } (an address is 4 or 16 bytes)
subjectAltName = DER:30:0a:87:08:c0:00:02:01:c0:00:02:02
CNF
PFCONF="$WORK/pf.cnf"

rsa_key pf_reldp 3072
CONF=$PFCONF selfsigned "$T/auto/crldp-relative-ca.pem" pf_reldp "vpncertlint Relative DP CA" $GOOD_START $GOOD_END pf_ca_reldp
rsa_key pf_reldp_leaf 3072
CONF=$PFCONF issued "$T/auto/crldp-relative-leaf.pem" pf_reldp_leaf "vpn.example.com" $GOOD_START $GOOD_END pf_leaf_reldp "$T/auto/crldp-relative-ca.pem" pf_reldp

# A P-256 key whose public point is written compressed (02/03 || X).
ec_key pf_p256c prime256v1
openssl ec -in "$WORK/pf_p256c.key" -conv_form compressed -out "$WORK/pf_p256c.key.c" 2>/dev/null
mv "$WORK/pf_p256c.key.c" "$WORK/pf_p256c.key"
CONF=$PFCONF selfsigned "$T/auto/ec-compressed-ca.pem" pf_p256c "vpncertlint Compressed EC CA" $GOOD_START $GOOD_END v3_ca
openssl x509 -in "$T/auto/ec-compressed-ca.pem" -noout -pubkey | openssl pkey -pubin -outform DER | tail -c 33 | head -c 1 | od -An -tx1 | grep -Eq '0[23]' ||
  { echo "ec-compressed-ca.pem: the point is not compressed" >&2; exit 1; }
CONF=$PFCONF crl "$T/crl/by-ec-compressed-ca.crl" "$T/auto/ec-compressed-ca.pem" pf_p256c 20260501000000Z 20270101000000Z
case_args "$T/crl/by-ec-compressed-ca.crl" --role crl --no-zlint --ca testdata/auto/ec-compressed-ca.pem

# Not certificates: an 8-byte IP address in the SAN, and a well-formed certificate cut short.
CONF=$PFCONF issued "$T/format/san-ip-8-bytes.pem" pf_reldp_leaf "vpn.example.com" $GOOD_START $GOOD_END pf_leaf_ip8 "$T/auto/crldp-relative-ca.pem" pf_reldp
openssl x509 -in "$T/auto/crldp-relative-ca.pem" -outform DER | head -c 600 |
  openssl base64 -e | { echo "-----BEGIN CERTIFICATE-----"; cat; echo "-----END CERTIFICATE-----"; } >"$T/format/crldp-relative-truncated.pem"
