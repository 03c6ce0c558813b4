# Deeper fixtures (issue 5): broken public keys (testdata/weak), the server certificate as
# imported into Cloud Certificate Manager with its key and chain (testdata/ccm, the key and
# chain files under testdata/ccm/keys), zlint advisories (testdata/zlint), and PKCS#12 /
# binary PKCS#7 inputs (added to testdata/format).
source "$(dirname "$0")/lib.sh"
T=$TESTDATA
W=$T/weak C=$T/ccm K=$T/ccm/keys Z=$T/zlint
clean_fixtures "$W" "$C" "$Z"
mkdir -p "$W" "$C" "$K" "$Z" "$T/format"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"

## testdata/weak — keys openssl refuses to make, written by a Go helper
(cd "$ROOT" && go run ./scripts/gen/weakgen "$W")

## testdata/ccm — server certificate bundles (role server; the args of NAME.case name key and chain)
# (the openssl profiles these use — v3_leaf_ca, v3_leaf_client, v3_leaf_nods,
# v3_ca_bc_noncritical, v3_leaf_bigsan — are defined in lib.sh)

rsa_key d_root 3072
selfsigned "$K/root.pem" d_root "vpncertlint CCM Test Root" $GOOD_START $GOOD_END v3_ca
rsa_key d_int 3072
issued "$K/intermediate.pem" d_int "vpncertlint CCM Intermediate" $GOOD_START $GOOD_END v3_ca "$K/root.pem" d_root
rsa_key d_short 3072
issued "$K/short-intermediate.pem" d_short "vpncertlint CCM Short Intermediate" $GOOD_START 20300101000000Z v3_ca "$K/root.pem" d_root
cat "$K/intermediate.pem" "$K/root.pem" >"$K/chain.pem"
cat "$K/root.pem" "$K/intermediate.pem" >"$K/chain-reversed.pem"
cat "$K/short-intermediate.pem" "$K/root.pem" >"$K/short-chain.pem"
cat "$K/intermediate.pem" "$K/root.pem" "$K/root.pem" "$K/root.pem" "$K/root.pem" "$K/root.pem" "$K/root.pem" >"$K/long-chain.pem"

rsa_key d_leaf 3072
issued "$C/good-pkcs8.pem" d_leaf "vpn.example.com" $GOOD_START $GOOD_END v3_leaf "$K/intermediate.pem" d_int
openssl pkey -in "$WORK/d_leaf.key" -out "$K/leaf-pkcs8.key"
openssl rsa -in "$WORK/d_leaf.key" -traditional -out "$K/leaf-pkcs1.key" 2>/dev/null
openssl pkey -in "$WORK/d_leaf.key" -aes256 -passout pass:vpncertlint -out "$K/leaf-encrypted.key"
openssl rsa -in "$WORK/d_leaf.key" -aes256 -traditional -passout pass:vpncertlint -out "$K/leaf-legacy-encrypted.key" 2>/dev/null
for f in good-pkcs1 encrypted-pkcs8 encrypted-legacy key-mismatch key-not-a-key chain-wrong-order chain-incomplete chain-not-certificates chain-too-long; do
  cp "$C/good-pkcs8.pem" "$C/$f.pem"
done
cat "$C/good-pkcs8.pem" "$K/intermediate.pem" >"$C/chain-in-certificate.pem"
rsa_key d_other 3072
openssl pkey -in "$WORK/d_other.key" -out "$K/other.key"
ec_key d_ecleaf prime256v1
issued "$C/good-ec-sec1.pem" d_ecleaf "vpn.example.com" $GOOD_START $GOOD_END v3_leaf "$K/intermediate.pem" d_int
openssl ec -in "$WORK/d_ecleaf.key" -out "$K/ecleaf-sec1.key" 2>/dev/null
issued "$C/issuer-expires-first.pem" d_leaf "vpn.example.com" $GOOD_START $GOOD_END v3_leaf "$K/short-intermediate.pem" d_short
issued "$C/leaf-is-ca.pem" d_leaf "vpn.example.com" $GOOD_START $GOOD_END v3_leaf_ca "$K/intermediate.pem" d_int
issued "$C/no-server-auth.pem" d_leaf "vpn.example.com" $GOOD_START $GOOD_END v3_leaf_client "$K/intermediate.pem" d_int
issued "$C/no-digital-signature.pem" d_leaf "vpn.example.com" $GOOD_START $GOOD_END v3_leaf_nods "$K/intermediate.pem" d_int
issued "$C/certificate-too-long.pem" d_leaf "vpn.example.com" $GOOD_START $GOOD_END v3_leaf_bigsan "$K/intermediate.pem" d_int
rsa_key d_big 6144
issued "$C/key-too-long.pem" d_big "vpn.example.com" $GOOD_START $GOOD_END v3_leaf "$K/intermediate.pem" d_int
openssl pkey -in "$WORK/d_big.key" -out "$K/big.key"

# shellcheck disable=SC2086
args() { case_args "$C/$1.pem" --role server --no-zlint $2; }
KD=testdata/ccm/keys
args good-pkcs8 "--key $KD/leaf-pkcs8.key --chain $KD/chain.pem"
args good-pkcs1 "--key $KD/leaf-pkcs1.key --chain $KD/chain.pem"
args good-ec-sec1 "--key $KD/ecleaf-sec1.key --chain $KD/chain.pem"
args chain-in-certificate "--key $KD/leaf-pkcs8.key --ca $KD/root.pem"
args encrypted-pkcs8 "--key $KD/leaf-encrypted.key --chain $KD/chain.pem"
args encrypted-legacy "--key $KD/leaf-legacy-encrypted.key --chain $KD/chain.pem"
args key-mismatch "--key $KD/other.key --chain $KD/chain.pem"
args key-not-a-key "--key $KD/root.pem --chain $KD/chain.pem"
args chain-wrong-order "--key $KD/leaf-pkcs8.key --chain $KD/chain-reversed.pem"
args chain-incomplete "--key $KD/leaf-pkcs8.key"
args chain-not-certificates "--key $KD/leaf-pkcs8.key --chain $KD/leaf-pkcs1.key"
args chain-too-long "--key $KD/leaf-pkcs8.key --chain $KD/long-chain.pem"
args issuer-expires-first "--key $KD/leaf-pkcs8.key --chain $KD/short-chain.pem"
args leaf-is-ca "--key $KD/leaf-pkcs8.key --chain $KD/chain.pem"
args no-server-auth "--key $KD/leaf-pkcs8.key --chain $KD/chain.pem"
args no-digital-signature "--key $KD/leaf-pkcs8.key --chain $KD/chain.pem"
args certificate-too-long "--key $KD/leaf-pkcs8.key --chain $KD/chain.pem"
args key-too-long "--key $KD/big.key --chain $KD/chain.pem"

## testdata/format — containers people export from Windows and Java tools
openssl pkcs12 -export -in "$C/good-pkcs8.pem" -inkey "$WORK/d_leaf.key" -certfile "$K/chain.pem" \
  -passout pass:vpncertlint -out "$T/format/bundle.p12"
openssl crl2pkcs7 -nocrl -certfile "$K/chain.pem" -outform DER -out "$T/format/bundle-der.p7b"

## testdata/zlint — fixtures whose goldens include zlint advisories (role auto)
cp "$C/good-pkcs8.pem" "$Z/server-leaf.pem"
selfsigned "$Z/ca-bc-not-critical.pem" d_int "vpncertlint CA, basicConstraints not critical" $GOOD_START $GOOD_END v3_ca_bc_noncritical
cp "$K/root.pem" "$Z/root-ca.pem"
# A v1 CRL (no extensions, so no authorityKeyIdentifier and no cRLNumber).
openssl ca -batch -config "$CONF" -gencrl -cert "$K/root.pem" -keyfile "$WORK/d_root.key" \
  -crl_lastupdate 20260501000000Z -crl_nextupdate 20260701000000Z -out "$Z/crl-v1.crl" 2>/dev/null
case_args "$Z/crl-v1.crl" --role auto --ca "$KD/root.pem"
# What these two show (CABF_BR on a server leaf; basicConstraints not critical) is left out
# of the default profile, private: they are checked with the webpki profile.
case_args "$Z/server-leaf.pem" --role auto --zlint-profile webpki
case_args "$Z/ca-bc-not-critical.pem" --role auto --zlint-profile webpki
