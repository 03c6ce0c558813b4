# Shared helpers for the fixture generators (sourced). $WORK is a scratch directory,
# $TESTDATA the fixtures' root. All dates are fixed; the tests' clock is 2026-06-01.
set -euo pipefail
GOOD_START=20250101000000Z

# clean_fixtures DIR...: deletes the generated inputs under each DIR (and its subfolders),
# keeping the case files (INPUT.case: the expectations, docs/development.md "Fixture cases").
clean_fixtures() {
  local d
  for d in "$@"; do
    [ ! -d "$d" ] || find "$d" -type f ! -name '*.case' -delete
  done
}

# case_args INPUT FLAG...: the flags INPUT is checked with (--role and --no-zlint included),
# written into the args section of INPUT.case. A new case gets only that section: then give
# its codes (go run ./scripts/cases -codes FILE) and write its want (go test ./internal/e2e
# -run Cases -update).
case_args() {
  local input=$1 c=$1.case
  shift
  if [ ! -f "$c" ]; then
    printf 'testdata/%s, checked with %s.\nInput made by scripts/gen/%s.\n-- args --\n%s\n' \
      "${input##*/testdata/}" "$*" "$(basename "$0")" "$*" >"$c"
    return
  fi
  local has=0
  ! grep -qx -- '-- args --' "$c" || has=1
  awk -v args="$*" -v done="$has" '
    /^-- args --$/ { print; print args; skip = 1; next }
    /^-- .* --$/ { if (!done) { print "-- args --"; print args; done = 1 }; skip = 0 }
    !skip { print }
    END { if (!done) { print "-- args --"; print args } }' "$c" >"$c.tmp"
  mv "$c.tmp" "$c"
}
GOOD_END=20350101000000Z

# An openssl "ca" configuration with fixed dates and v3 profiles.
ossl_conf() {
  local d=$1
  mkdir -p "$d"
  : >"$d/index.txt"
  echo 1000 >"$d/serial"
  echo 1000 >"$d/crlnumber"
  cat >"$d/ca.cnf" <<CNF
[ ca ]
default_ca = CA_default
[ CA_default ]
dir = $d
database = $d/index.txt
new_certs_dir = $d
serial = $d/serial
crlnumber = $d/crlnumber
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
[ policy_any ]
commonName = supplied
organizationName = optional
[ v3_ca ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ v3_ca_nocertsign ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,digitalSignature,cRLSign
[ v3_ca_nobc ]
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ v3_leaf ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
[ crl_ext ]
authorityKeyIdentifier = keyid:always
CNF
  # Profiles of the Certificate Manager fixtures (40-deep.sh).
  cat >>"$d/ca.cnf" <<'CNF'
[ v3_leaf_ca ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,digitalSignature,keyCertSign
extendedKeyUsage = serverAuth
[ v3_leaf_client ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = clientAuth
[ v3_leaf_nods ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,keyEncipherment
extendedKeyUsage = serverAuth
[ v3_ca_bc_noncritical ]
basicConstraints = CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
CNF
  # A leaf whose subjectAltName makes it longer than Certificate Manager's 4096 characters.
  {
    echo "[ v3_leaf_bigsan ]"
    echo "basicConstraints = critical,CA:FALSE"
    echo "keyUsage = critical,digitalSignature,keyEncipherment"
    echo "extendedKeyUsage = serverAuth"
    printf 'subjectAltName = DNS:vpn.example.com'
    for i in $(seq 1 120); do printf ',DNS:vpn-gateway-%03d.example.com' "$i"; done
    echo
  } >>"$d/ca.cnf"
}

CONF_DIR="$WORK/ossl"
[ -f "$CONF_DIR/ca.cnf" ] || ossl_conf "$CONF_DIR"
CONF="$CONF_DIR/ca.cnf"

# key NAME ALG [OPTS...]: a private key in $WORK/NAME.key (cached across generators).
key() {
  local name=$1; shift
  [ -f "$WORK/$name.key" ] && return 0
  openssl genpkey "$@" -out "$WORK/$name.key" 2>/dev/null
}
rsa_key() { key "$1" -algorithm RSA -pkeyopt "rsa_keygen_bits:$2"; }
ec_key() { key "$1" -algorithm EC -pkeyopt "ec_paramgen_curve:$2" -pkeyopt ec_param_enc:named_curve; }

# selfsigned OUT KEYNAME CN START END EXT [openssl ca options...]
selfsigned() {
  local out=$1 k=$2 cn=$3 start=$4 end=$5 ext=$6; shift 6
  openssl req -new -key "$WORK/$k.key" -subj "/CN=$cn" -out "$WORK/req.csr" 2>/dev/null
  openssl ca -batch -config "$CONF" -selfsign -keyfile "$WORK/$k.key" -in "$WORK/req.csr" \
    -startdate "$start" -enddate "$end" -extensions "$ext" -notext -out "$WORK/cert.pem" "$@" 2>/dev/null
  mkdir -p "$(dirname "$out")"
  openssl x509 -in "$WORK/cert.pem" -out "$out"
}

# issued OUT KEYNAME CN START END EXT ISSUERCERT ISSUERKEYNAME [openssl ca options...]
issued() {
  local out=$1 k=$2 cn=$3 start=$4 end=$5 ext=$6 icert=$7 ikey=$8; shift 8
  openssl req -new -key "$WORK/$k.key" -subj "/CN=$cn" -out "$WORK/req.csr" 2>/dev/null ||
    openssl req -new -key "$WORK/$k.key" -subj "/CN=$cn" -sigopt distid:1234567812345678 -out "$WORK/req.csr"
  openssl ca -batch -config "$CONF" -cert "$icert" -keyfile "$WORK/$ikey.key" -in "$WORK/req.csr" \
    -startdate "$start" -enddate "$end" -extensions "$ext" -notext -out "$WORK/cert.pem" "$@" 2>/dev/null
  mkdir -p "$(dirname "$out")"
  openssl x509 -in "$WORK/cert.pem" -out "$out"
}

# crl OUT CACERT CAKEYNAME LAST NEXT [openssl ca options...]
crl() {
  local out=$1 cacert=$2 cakey=$3 last=$4 next=$5; shift 5
  mkdir -p "$(dirname "$out")"
  openssl ca -batch -config "$CONF" -gencrl -cert "$cacert" -keyfile "$WORK/$cakey.key" \
    -crl_lastupdate "$last" -crl_nextupdate "$next" -crlexts crl_ext -out "$out" "$@" 2>/dev/null
}
