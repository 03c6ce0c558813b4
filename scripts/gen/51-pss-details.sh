#!/usr/bin/env bash
# Issue 9 items 1 and 4: RSASSA-PSS signatures judged by their hashes (testdata/ca/rsa-pss-*),
# a notBefore decided by half a second (testdata/ca/not-yet-valid-fraction.pem) and a negative
# RSA modulus (testdata/weak/negative-modulus.pem). Writes only these fixtures.
source "$(dirname "$0")/lib.sh"
T=$TESTDATA
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
mkdir -p "$T/ca" "$T/weak"

rsa_key pss 3072
# PSS with SHA-1 (openssl writes the parameters with the salt length only: the hash and MGF1
# are RFC 4055's SHA-1 defaults), and PSS with SHA-256 but MGF1-SHA-1.
selfsigned "$T/ca/rsa-pss-sha1.pem" pss "RSA-PSS SHA-1 salt 32 CA" $GOOD_START $GOOD_END v3_ca \
  -md sha1 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32
selfsigned "$T/ca/rsa-pss-mgf1-sha1.pem" pss "RSA-PSS SHA-256 MGF1-SHA-1 CA" $GOOD_START $GOOD_END v3_ca \
  -md sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 -sigopt rsa_mgf1_md:sha1
# PSS with SHA-512 in both: the PSS warning alone (as testdata/ca/rsa-pss.pem, SHA-256).
selfsigned "$T/ca/rsa-pss-sha512.pem" pss "RSA-PSS SHA-512 CA" $GOOD_START $GOOD_END v3_ca \
  -md sha512 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:64 -sigopt rsa_mgf1_md:sha512

# What openssl cannot write: absent, explicit-SHA-1 and NULL PSS parameters, a fractional
# notBefore, a negative modulus.
(cd "$ROOT" && go run ./scripts/gen/pssgen "$T")
