# Core fixtures: client CA uploads (testdata/ca), server certificates (testdata/server),
# automatic roles (testdata/auto), file-format faults (testdata/format) and CRLs
# (testdata/crl, issued by testdata/pki/root.pem). See testdata/README.md.
source "$(dirname "$0")/lib.sh"
T=$TESTDATA
clean_fixtures "$T/ca" "$T/server" "$T/auto" "$T/format" "$T/crl"
rm -rf "$T/pki"
mkdir -p "$T/ca" "$T/server" "$T/auto" "$T/format" "$T/crl" "$T/pki"

# The root every "issued" fixture chains to, and a second, unrelated CA.
rsa_key root 3072
selfsigned "$T/pki/root.pem" root "vpncertlint Test Root CA" $GOOD_START $GOOD_END v3_ca
rsa_key other 3072
selfsigned "$T/pki/other-ca.pem" other "vpncertlint Other CA" $GOOD_START $GOOD_END v3_ca
# A CA with the root's name but another key: CRLs it signs do not verify with the root.
rsa_key impostor 3072
selfsigned "$WORK/impostor.pem" impostor "vpncertlint Test Root CA" $GOOD_START $GOOD_END v3_ca

## testdata/ca — checked with --role ca
cp "$T/pki/root.pem" "$T/ca/good-rsa3072.pem"
rsa_key r4096 4096
selfsigned "$T/ca/good-rsa4096.pem" r4096 "RSA 4096 CA" $GOOD_START $GOOD_END v3_ca -md sha512
rsa_key r2048 2048
selfsigned "$T/ca/rsa2048.pem" r2048 "RSA 2048 CA" $GOOD_START $GOOD_END v3_ca
rsa_key r2560 2560
selfsigned "$T/ca/rsa2560.pem" r2560 "RSA 2560 CA" $GOOD_START $GOOD_END v3_ca
rsa_key r1024 1024
selfsigned "$T/ca/rsa1024.pem" r1024 "RSA 1024 CA" $GOOD_START $GOOD_END v3_ca
ec_key p256 prime256v1
selfsigned "$T/ca/ec-p256.pem" p256 "EC P-256 CA" $GOOD_START $GOOD_END v3_ca
ec_key p384 secp384r1
selfsigned "$T/ca/ec-p384.pem" p384 "EC P-384 CA" $GOOD_START $GOOD_END v3_ca -md sha384
ec_key p521 secp521r1
selfsigned "$T/ca/ec-p521.pem" p521 "EC P-521 CA" $GOOD_START $GOOD_END v3_ca -md sha512
ec_key bp256 brainpoolP256r1
selfsigned "$T/ca/brainpool.pem" bp256 "Brainpool P256r1 CA" $GOOD_START $GOOD_END v3_ca
ec_key k1 secp256k1
selfsigned "$T/ca/secp256k1.pem" k1 "secp256k1 CA" $GOOD_START $GOOD_END v3_ca
key ed25519 -algorithm ed25519
selfsigned "$T/ca/ed25519.pem" ed25519 "Ed25519 CA" $GOOD_START $GOOD_END v3_ca
key ed448 -algorithm ed448
selfsigned "$T/ca/ed448.pem" ed448 "Ed448 CA" $GOOD_START $GOOD_END v3_ca
key sm2 -algorithm EC -pkeyopt ec_paramgen_curve:SM2
issued "$T/ca/sm2-key.pem" sm2 "SM2 key CA" $GOOD_START $GOOD_END v3_ca "$T/pki/root.pem" root
[ -f "$WORK/dsa.key" ] || {
  openssl genpkey -genparam -algorithm DSA -pkeyopt pbits:2048 -out "$WORK/dsaparam.pem" 2>/dev/null
  openssl genpkey -paramfile "$WORK/dsaparam.pem" -out "$WORK/dsa.key" 2>/dev/null
}
selfsigned "$T/ca/dsa.pem" dsa "DSA CA" $GOOD_START $GOOD_END v3_ca
selfsigned "$T/ca/sha1.pem" root "SHA-1 signed CA" $GOOD_START $GOOD_END v3_ca -md sha1
selfsigned "$T/ca/md5.pem" root "MD5 signed CA" $GOOD_START $GOOD_END v3_ca -md md5
selfsigned "$T/ca/sha224.pem" root "SHA-224 signed CA" $GOOD_START $GOOD_END v3_ca -md sha224
selfsigned "$T/ca/rsa-pss.pem" root "RSA-PSS signed CA" $GOOD_START $GOOD_END v3_ca -sigopt rsa_padding_mode:pss
selfsigned "$T/ca/expired.pem" root "Expired CA" 20200101000000Z 20240101000000Z v3_ca
selfsigned "$T/ca/not-yet-valid.pem" root "Future CA" 20300101000000Z 20400101000000Z v3_ca
selfsigned "$T/ca/expiring-soon.pem" root "Expiring CA" $GOOD_START 20260615000000Z v3_ca
selfsigned "$T/ca/leaf-as-ca.pem" root "A leaf, not a CA" $GOOD_START $GOOD_END v3_leaf
selfsigned "$T/ca/no-basic-constraints.pem" root "No basicConstraints" $GOOD_START $GOOD_END v3_ca_nobc
selfsigned "$T/ca/ku-no-certsign.pem" root "keyUsage without keyCertSign" $GOOD_START $GOOD_END v3_ca_nocertsign
rsa_key inter 3072
issued "$T/ca/intermediate.pem" inter "Intermediate CA" $GOOD_START $GOOD_END v3_ca "$T/pki/root.pem" root
# Several faults in one certificate: RSA-1024, SHA-1, expired.
selfsigned "$T/ca/expired-rsa1024-sha1.pem" r1024 "Old CA" 20150101000000Z 20200101000000Z v3_ca -md sha1
# Several faults: a leaf (VPN.0076) that is also not yet valid (VPN.0073) and MD5-signed.
selfsigned "$T/ca/future-md5-leaf.pem" root "Future MD5 leaf" 20300101000000Z 20400101000000Z v3_leaf -md md5
# The same certificate twice in one file (VPN.0077 on the second copy).
cat "$T/pki/other-ca.pem" "$T/pki/other-ca.pem" >"$T/ca/duplicate-in-file.pem"
# A renewal: same subject and key, different certificate (warning).
selfsigned "$WORK/renewed.pem" other "vpncertlint Other CA" 20250601000000Z $GOOD_END v3_ca
cat "$T/pki/other-ca.pem" "$WORK/renewed.pem" >"$T/ca/same-subject-and-key.pem"
# Eleven distinct CAs (one key, eleven names): VPN.1111.
: >"$T/ca/eleven-cas.pem"
for i in 01 02 03 04 05 06 07 08 09 10 11; do
  selfsigned "$WORK/c$i.pem" root "Client CA $i" $GOOD_START $GOOD_END v3_ca
  cat "$WORK/c$i.pem" >>"$T/ca/eleven-cas.pem"
done
# Exactly ten: clean.
head -n "$(( $(wc -l <"$T/ca/eleven-cas.pem") / 11 * 10 ))" "$T/ca/eleven-cas.pem" >"$T/ca/ten-cas.pem"

## testdata/server — checked with --role server
rsa_key leaf 3072
issued "$T/server/leaf-good.pem" leaf "vpn.example.com" $GOOD_START $GOOD_END v3_leaf "$T/pki/root.pem" root
issued "$T/server/leaf-expired.pem" leaf "old.example.com" 20200101000000Z 20240101000000Z v3_leaf "$T/pki/root.pem" root
issued "$T/server/leaf-rsa2048-sha1.pem" r2048 "weak.example.com" $GOOD_START $GOOD_END v3_leaf "$T/pki/root.pem" root -md sha1

## testdata/auto — checked with --role auto (the default)
cat "$T/pki/root.pem" "$T/server/leaf-good.pem" >"$T/auto/ca-and-leaf.pem"
cp "$T/server/leaf-expired.pem" "$T/auto/leaf-expired.pem"

## testdata/format — file-format faults, checked with --role auto
F=$T/format
: >"$F/empty.pem"
printf '   \n\n\t\n' >"$F/whitespace.pem"
printf 'This is a README, not a certificate.\nIt has two lines.\n' >"$F/no-block.pem"
head -c 512 /dev/urandom | tr -d '\055' >"$F/binary.pem" # no dashes, so no accidental BEGIN
openssl x509 -in "$T/pki/root.pem" -outform DER -out "$F/cert.der"
openssl crl -in /dev/null 2>/dev/null || true
sed '5s/.*/!!!! this line is not base64 !!!!/' "$T/pki/root.pem" >"$F/bad-base64.pem"
sed '$d' "$T/pki/root.pem" >"$F/missing-end.pem"
sed 's/END CERTIFICATE/END X509 CRL/' "$T/pki/root.pem" >"$F/mismatched-end.pem"
cp "$WORK/ed25519.key" "$F/private-key.pem"
openssl req -new -key "$WORK/leaf.key" -subj "/CN=csr.example.com" -out "$F/csr.pem"
sed 's/$/\r/' "$T/pki/root.pem" >"$F/crlf.pem"
printf '\xef\xbb\xbf' | cat - "$T/pki/root.pem" >"$F/bom.pem"
openssl x509 -in "$T/pki/root.pem" -text >"$F/text-around.pem"
{ cat "$T/pki/root.pem"; echo "-----END CERTIFICATE-----"; } >"$F/stray-end.pem"
{ echo "-----BEGIN CERTIFICATE-----"; head -c 300 /dev/urandom | base64; echo "-----END CERTIFICATE-----"; } >"$F/not-a-certificate.pem"
{ echo "-----BEGIN CERTIFICATE-----"; openssl x509 -in "$T/pki/root.pem" -outform DER | head -c 600 | base64; echo "-----END CERTIFICATE-----"; } >"$F/truncated-der.pem"
{ echo "-----BEGIN CERTIFICATE-----"; openssl x509 -in "$T/pki/root.pem" -outform DER | base64 | head -c 700; echo; echo "-----END CERTIFICATE-----"; } >"$F/truncated-base64.pem"
openssl crl2pkcs7 -nocrl -certfile "$T/pki/root.pem" -out "$F/bundle.p7b.pem"
{ echo "-----BEGIN CERTIFICATE-----"; echo "-----END CERTIFICATE-----"; } >"$F/empty-block.pem"

## testdata/crl — checked with --role crl; the args of NAME.case add the issuing CA
C=$T/crl
crl "$C/good.crl" "$T/pki/root.pem" root 20260501000000Z 20260801000000Z
crl "$C/stale.crl" "$T/pki/root.pem" root 20260101000000Z 20260201000000Z
crl "$C/future.crl" "$T/pki/root.pem" root 20260701000000Z 20261001000000Z
crl "$C/next-update-soon.crl" "$T/pki/root.pem" root 20260501000000Z 20260603000000Z
crl "$C/next-before-this.crl" "$T/pki/root.pem" root 20260501000000Z 20260401000000Z
crl "$C/other-issuer.crl" "$T/pki/other-ca.pem" other 20260501000000Z 20260801000000Z
crl "$C/bad-signature.crl" "$WORK/impostor.pem" impostor 20260501000000Z 20260801000000Z
cp "$C/good.crl" "$C/no-ca-given.crl"
cp "$T/pki/root.pem" "$C/certificate-not-crl.pem"
printf 'not a CRL\n' >"$C/garbage.crl"
sed '3s/.*/@@@@/' "$C/good.crl" >"$C/bad-base64.crl"
openssl crl -in "$C/good.crl" -outform DER -out "$C/der.crl"
{ echo "-----BEGIN X509 CRL-----"; head -c 200 /dev/urandom | base64; echo "-----END X509 CRL-----"; } >"$C/not-a-crl.crl"
for f in good stale future next-update-soon next-before-this other-issuer bad-signature garbage bad-base64 der not-a-crl; do
  case_args "$C/$f.crl" --role crl --no-zlint --ca testdata/pki/root.pem
done
case_args "$C/certificate-not-crl.pem" --role crl --no-zlint --ca testdata/pki/root.pem
# openssl cannot omit nextUpdate; a small Go program signs that one.
(cd "$(dirname "$0")/../.." && go run ./scripts/gen/crlgen testdata/pki/root.pem "$WORK/root.key" "$C/no-next-update.crl" 2026-05-01T00:00:00Z)
case_args "$C/no-next-update.crl" --role crl --no-zlint --ca testdata/pki/root.pem
