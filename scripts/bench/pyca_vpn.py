#!/usr/bin/env python3
"""The comparison scripts/bench.sh runs: five VPN upload checks written with pyca/cryptography
(Debian: python3-cryptography), over PEM files given on the command line.

  1. every CERTIFICATE block parses as X.509 (VPN.0075's question, answered by OpenSSL)
  2. the key is RSA of 2048 bits or more, or EC P-256/P-384/P-521
  3. the certificate is valid at --now (notBefore <= now <= notAfter)
  4. the signature hash is not MD5 or SHA-1
  5. basicConstraints: a certificate in a CA file (--ca) has cA=TRUE, a server one does not

Prints one line per finding and a count; exits 0. It is not vpncertlint: it is the least a
script doing the same job would do, to compare the cost per certificate.
usage: pyca_vpn.py --now 2026-06-01T00:00:00Z [--ca] FILE...
"""
import datetime
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa


def main(argv):
    now = datetime.datetime(2026, 6, 1, tzinfo=datetime.timezone.utc)
    as_ca = False
    files = []
    it = iter(argv)
    for a in it:
        if a == "--now":
            now = datetime.datetime.fromisoformat(next(it).replace("Z", "+00:00"))
        elif a == "--ca":
            as_ca = True
        else:
            files.append(a)
    n = findings = 0
    out = sys.stdout
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        try:
            certs = x509.load_pem_x509_certificates(data)
        except ValueError as e:
            out.write(f"{path}: VPN.0075 {e}\n")
            findings += 1
            continue
        for c in certs:
            n += 1
            key = c.public_key()
            if isinstance(key, rsa.RSAPublicKey):
                if key.key_size < 2048:
                    out.write(f"{path}: VPN.0070 RSA {key.key_size}\n")
                    findings += 1
            elif isinstance(key, ec.EllipticCurvePublicKey):
                if key.curve.name not in ("secp256r1", "secp384r1", "secp521r1"):
                    out.write(f"{path}: VPN.0070 EC {key.curve.name}\n")
                    findings += 1
            else:
                out.write(f"{path}: VPN.0070 key type\n")
                findings += 1
            if not (c.not_valid_before_utc <= now <= c.not_valid_after_utc):
                out.write(f"{path}: VPN.0072 validity\n")
                findings += 1
            h = c.signature_hash_algorithm
            if h is None or isinstance(h, (hashes.MD5, hashes.SHA1)):
                out.write(f"{path}: VPN.0071 signature hash\n")
                findings += 1
            try:
                ca = c.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
            except x509.ExtensionNotFound:
                ca = False
            if ca != as_ca:
                out.write(f"{path}: VPN.0076 basicConstraints cA={ca}\n")
                findings += 1
    out.write(f"{n} certificates, {findings} findings\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
