# Fixtures for the repository gate (issue 4): the demo repository testdata/demo-repo (two
# upload sets, waivers, a severity override; checked by script_gate_test.go and
# gate_test.go) and the loose files in testdata/gate used to break it in tests.
. "$(dirname "$0")/lib.sh"
D="$TESTDATA/demo-repo"
G="$TESTDATA/gate"
rm -rf "$D/pki" "$G"
mkdir -p "$D/pki/prod/ca" "$D/pki/staging/ca" "$D/pki/server" "$G"

# prod: its root (RSA 3072) and a legacy RSA-2048 CA (VCL.0701, waived by sha256), a CRL.
rsa_key gate_prod 3072
selfsigned "$D/pki/prod/ca/prod-root.pem" gate_prod "Demo Prod Root CA" $GOOD_START $GOOD_END v3_ca
rsa_key gate_legacy 2048
selfsigned "$D/pki/prod/ca/prod-legacy.pem" gate_legacy "Demo Prod Legacy CA" $GOOD_START $GOOD_END v3_ca
crl "$D/pki/prod/prod.crl" "$D/pki/prod/ca/prod-root.pem" gate_prod 20260501000000Z 20270101000000Z

# staging: its root, pasted with `openssl x509 -text` output around it (VCL.0743, lowered to
# a notice by the configuration), and the prod root again (a partner CA accepted by both
# servers: a duplicate only if the sets were one), a CRL.
rsa_key gate_staging 3072
selfsigned "$WORK/staging-root.pem" gate_staging "Demo Staging Root CA" $GOOD_START $GOOD_END v3_ca
openssl x509 -in "$WORK/staging-root.pem" -text >"$D/pki/staging/ca/staging-root.pem"
cp "$D/pki/prod/ca/prod-root.pem" "$D/pki/staging/ca/partner-root.pem"
crl "$D/pki/staging/staging.crl" "$WORK/staging-root.pem" gate_staging 20260501000000Z 20270101000000Z

# The server certificate expires within 30 days of 2026-06-01 (VCL.0721, waived by a waiver
# that itself expired on 2026-05-01: VCL.9001).
rsa_key gate_server 3072
issued "$D/pki/server/vpn.pem" gate_server "vpn.demo.example" $GOOD_START 20260615000000Z v3_leaf \
  "$D/pki/prod/ca/prod-root.pem" gate_prod

# Files that break the gate: an expired client CA; a clean one.
selfsigned "$G/expired-ca.pem" gate_prod "Demo Expired CA" 20200101000000Z 20240101000000Z v3_ca
rsa_key gate_clean 3072
selfsigned "$G/clean-ca.pem" gate_clean "Demo Clean CA" $GOOD_START $GOOD_END v3_ca

# Fill the waiver's sha256 in the configuration (the legacy CA's fingerprint changes with
# every generation).
sha=$(openssl x509 -in "$D/pki/prod/ca/prod-legacy.pem" -outform DER | openssl dgst -sha256 -r | cut -d' ' -f1)
sed -i "s/sha256: \"[0-9a-f]*\"/sha256: \"$sha\"/" "$D/.vpncertlint.yaml"
sed -i "s/^    sha256: [0-9a-f]\{64\}$/    sha256: $sha/" "$(dirname "$0")/../../testdata/script/gate-commands.txtar"
