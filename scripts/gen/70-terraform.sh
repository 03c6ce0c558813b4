# Terraform fixtures (testdata/terraform, issue 14): configuration directories using the
# huaweicloud provider's VPN resources, clean and faulty, each with the plan JSON Terraform
# would write for it (NAME.plan.json, made by scripts/tfplan: Terraform and the provider cannot
# run here, see docs/terraform.md). PEM files come from 10-core.sh (testdata/ca, testdata/ccm):
# run it after 10-core.sh, or alone (TESTDATA=$PWD/testdata bash scripts/gen/70-terraform.sh).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
T=$TESTDATA
D=$T/terraform
mkdir -p "$D"
# the inputs are rewritten; their case files (NAME.case) stay
find "$D" -mindepth 1 -maxdepth 1 ! -name '*.case' -exec rm -rf {} +
root=$(cd "$(dirname "$0")/../.." && pwd)

# ---- clean: every resource type, a tfvars file, locals, for_each, count, functions
C=$D/clean
mkdir -p "$C"
cp "$T/ca/good-rsa3072.pem" "$C/ca.pem"
cp "$T/ca/good-rsa4096.pem" "$C/ca-backup.pem"
cp "$T/ccm/good-pkcs1.pem" "$C/server.pem"
cp "$T/ccm/keys/leaf-pkcs1.key" "$C/server.key"
cp "$T/ccm/keys/chain.pem" "$C/chain.pem"
cat >"$C/main.tf" <<'HCL'
# A clean point-to-site VPN: every resource vpncertlint checks.
variable "client_cidr" {
  default = "172.16.0.0/24"
}

variable "admin_password" {
  type      = string
  sensitive = true
}

locals {
  subnets = ["10.10.1.0/24", "10.10.2.0/24"]
  users = {
    alice = "Alice-Vpn"
    bob   = "Bob-Vpn"
  }
}

resource "huaweicloud_ccm_certificate_import" "server" {
  name              = "vpn-server"
  certificate       = file("${path.module}/server.pem")
  private_key       = file("${path.module}/server.key")
  certificate_chain = file("chain.pem")
}

resource "huaweicloud_vpn_server" "main" {
  p2c_vgw_id       = "b8b0d6f9-3c5d-4b5e-9f64-4a2f5f0d1c11"
  client_cidr      = var.client_cidr
  local_subnets    = local.subnets
  client_auth_type = "CERT"

  server_certificate {
    id = huaweicloud_ccm_certificate_import.server.id
  }

  client_ca_certificates {
    name    = "ca-main"
    content = trimsuffix(file("ca.pem"), "\n")
  }

  ssl_options {
    protocol             = "TCP"
    port                 = 443
    encryption_algorithm = "AES-128-GCM"
  }
}

resource "huaweicloud_vpn_client_ca_certificate" "backup" {
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "ca-backup"
  content       = trimspace(file("ca-backup.pem"))
}

resource "huaweicloud_vpn_user_group" "ops" {
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "ops"
  description   = "operators"
}

resource "huaweicloud_vpn_user" "team" {
  for_each      = local.users
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = format("%s.ops", each.key)
  password      = join("-", [each.value, "2026"])
}

resource "huaweicloud_vpn_user" "admin" {
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "vpn-admin"
  password      = var.admin_password
}

resource "huaweicloud_vpn_access_policy" "ops" {
  count         = 1
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "ops-net-${count.index}"
  user_group_id = huaweicloud_vpn_user_group.ops.id
  dest_ip_cidrs = ["10.10.1.0/24", "10.10.2.0/24"]
}
HCL
cat >"$C/terraform.tfvars" <<'HCL'
client_cidr    = "172.16.0.0/22"
admin_password = "Adm1n-Secret-Pass"
HCL

# ---- server: the server body's rules, one server per family of faults
S=$D/server
mkdir -p "$S"
cp "$T/ca/good-rsa3072.pem" "$S/ca.pem"
cp "$T/ca/expired.pem" "$S/expired.pem"
cat >"$S/main.tf" <<'HCL'
# Faulty VPN servers: each block shows the rules of one part of the Create VPN Server body.
# CIDR blocks: a /27 client block, host bits, a reserved range, an overlap with the client block
resource "huaweicloud_vpn_server" "cidr" {
  p2c_vgw_id       = "gw-1"
  client_cidr      = "172.16.0.0/27"
  local_subnets    = ["10.10.1.5/24", "127.0.0.0/8", "172.16.0.0/28"]
  client_auth_type = "CERT"

  server_certificate {
    id = "scs1717051012106"
  }

  client_ca_certificates {
    content = file("ca.pem")
  }
}

# 21 local subnets
resource "huaweicloud_vpn_server" "subnets" {
  p2c_vgw_id    = "gw-2"
  client_cidr   = "192.168.0.0/24"
  local_subnets = ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24", "10.0.4.0/24", "10.0.5.0/24", "10.0.6.0/24", "10.0.7.0/24", "10.0.8.0/24", "10.0.9.0/24", "10.0.10.0/24", "10.0.11.0/24", "10.0.12.0/24", "10.0.13.0/24", "10.0.14.0/24", "10.0.15.0/24", "10.0.16.0/24", "10.0.17.0/24", "10.0.18.0/24", "10.0.19.0/24", "10.0.20.0/24", "10.0.21.0/24"]

  server_certificate {
    id = "scs1717051012106"
  }
}

# Certificate authentication without a client CA or a server certificate; SSL options out of range
resource "huaweicloud_vpn_server" "cert" {
  p2c_vgw_id       = "gw-3"
  client_cidr      = "192.168.0.0/24"
  local_subnets    = ["10.20.0.0/16"]
  tunnel_protocol  = "SSL"
  client_auth_type = "CERT"

  ssl_options {
    protocol             = "UDP"
    port                 = 8443
    encryption_algorithm = "AES-256-CBC"
  }
}

# Client CAs with password authentication; an advisory client block; nested local subnets;
# an expired CA; CA names the API refuses
resource "huaweicloud_vpn_server" "password" {
  p2c_vgw_id       = "gw-4"
  client_cidr      = "100.64.0.0/16"
  local_subnets    = ["10.0.0.0/16", "10.0.1.0/24"]
  client_auth_type = "LOCAL_PASSWORD"

  server_certificate {
    id = "scs1717051012106"
  }

  client_ca_certificates {
    name    = "客户端证书"
    content = file("expired.pem")
  }

  client_ca_certificates {
    name    = "a-name-that-is-far-too-long-for-the-api-which-takes-sixty-four-chars"
    content = file("ca.pem")
  }
}

# Values outside the enumerations; no local subnet
resource "huaweicloud_vpn_server" "enums" {
  p2c_vgw_id       = "gw-5"
  client_cidr      = "192.168.0.0/24"
  local_subnets    = []
  tunnel_protocol  = "IPSEC"
  client_auth_type = "RADIUS"
}
HCL

# ---- sets: upload sets from the graph (per VPN server)
U=$D/sets
mkdir -p "$U/cas"
cp "$T/ca/good-rsa3072.pem" "$U/ca.pem"
awk -v dir="$U/cas" '/BEGIN CERTIFICATE/{n++} {print > sprintf("%s/ca%02d.pem", dir, n)}' "$T/ca/eleven-cas.pem"
cat >"$U/main.tf" <<'HCL'
# Upload sets: client CAs, users, user groups and access policies of one VPN server.
locals {
  cas = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"]
}

resource "huaweicloud_vpn_server" "main" {
  p2c_vgw_id       = "gw-1"
  client_cidr      = "192.168.0.0/24"
  local_subnets    = ["10.10.0.0/16"]
  client_auth_type = "CERT"

  server_certificate {
    id = "scs1717051012106"
  }

  client_ca_certificates {
    name    = "ca-main"
    content = file("ca.pem")
  }
}

# the inline CA again (VPN.0077), then ten more: eleven CAs on the server (VPN.1111)
resource "huaweicloud_vpn_client_ca_certificate" "again" {
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "ca-again"
  content       = file("ca.pem")
}

resource "huaweicloud_vpn_client_ca_certificate" "more" {
  for_each      = toset(local.cas)
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "ca-${each.key}"
  content       = file("cas/ca${each.key}.pem")
}

# two CAs for a server outside the configuration, by the same literal ID: a duplicate
resource "huaweicloud_vpn_client_ca_certificate" "literal" {
  count         = 2
  vpn_server_id = "0d5d0a6e-7a4d-4a0c-9b53-6a3e5b1f2c3d"
  name          = "ca-literal-${count.index}"
  content       = file("cas/ca11.pem")
}

resource "huaweicloud_vpn_user" "twice" {
  count         = 2
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "alice.w"
  password      = "Alice-Vpn-2026"
}

resource "huaweicloud_vpn_user_group" "same" {
  count         = 2
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "ops"
}

resource "huaweicloud_vpn_user_group" "many" {
  count         = 49
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "group-${count.index}"
}

resource "huaweicloud_vpn_access_policy" "many" {
  count         = 101
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "policy-${count.index}"
  user_group_id = huaweicloud_vpn_user_group.same[0].id
  dest_ip_cidrs = ["10.10.${count.index}.0/24"]
}
HCL

# ---- kinds: the client CA, user, user group and access policy bodies' rules
K=$D/kinds
mkdir -p "$K"
cp "$T/ca/leaf-as-ca.pem" "$K/leaf.pem"
cp "$T/ca/rsa1024.pem" "$K/rsa1024.pem"
cat >"$K/main.tf" <<'HCL'
# Faulty client CAs, users, user groups and access policies of a server outside the configuration.
variable "server_id" {
  default = "0d5d0a6e-7a4d-4a0c-9b53-6a3e5b1f2c3d"
}

resource "huaweicloud_vpn_client_ca_certificate" "leaf" {
  vpn_server_id = var.server_id
  name          = "leaf"
  content       = file("leaf.pem")
}

resource "huaweicloud_vpn_client_ca_certificate" "weak" {
  vpn_server_id = var.server_id
  name          = "weak key"
  content       = file("rsa1024.pem")
}

resource "huaweicloud_vpn_client_ca_certificate" "empty" {
  vpn_server_id = var.server_id
  name          = "empty"
  content       = ""
}

resource "huaweicloud_vpn_user" "short" {
  vpn_server_id = var.server_id
  name          = "bob"
  password      = "abcdefgh"
}

resource "huaweicloud_vpn_user" "same" {
  vpn_server_id = var.server_id
  name          = "carol.c"
  password      = "carol.c"
  description   = "a description that is longer than the sixty-four characters allowed"
}

resource "huaweicloud_vpn_user" "chars" {
  vpn_server_id = var.server_id
  name          = "dave.d"
  password      = "Pässwort-2026"
}

resource "huaweicloud_vpn_user_group" "long" {
  vpn_server_id = var.server_id
  name          = "a-group-name-that-is-far-too-long-for-the-api-which-takes-64-chars"
  description   = "a description that is longer than the sixty-four characters allowed"
}

resource "huaweicloud_vpn_access_policy" "cidrs" {
  vpn_server_id = var.server_id
  name          = "cidrs"
  user_group_id = "7625fd92-2e20-4e4d-8c56-66f110fbfaa8"
  dest_ip_cidrs = ["10.0.0.1/24", "127.0.0.0/8", "10.1.0.0/24", "10.2.0.0/24", "10.3.0.0/24", "10.4.0.0/24", "10.5.0.0/24", "10.6.0.0/24", "10.7.0.0/24", "10.8.0.0/24", "10.9.0.0/24"]
}

resource "huaweicloud_vpn_access_policy" "none" {
  vpn_server_id = var.server_id
  name          = "none"
  user_group_id = "7625fd92-2e20-4e4d-8c56-66f110fbfaa8"
  dest_ip_cidrs = []
}
HCL

# ---- module: a local module, its for_each users, inputs from the root
M=$D/module
mkdir -p "$M/modules/vpn"
cp "$T/ca/good-rsa3072.pem" "$M/ca.pem"
cp "$T/ca/expired.pem" "$M/modules/vpn/old-ca.pem"
cat >"$M/main.tf" <<'HCL'
# The VPN as a local module.
module "vpn" {
  source      = "./modules/vpn"
  client_cidr = "172.16.0.0/16"
  ca_pem      = file("ca.pem")
  users       = { "erin.e" = "Erin-Vpn-2026", "al" = "Al-Vpn-2026" }
}
HCL
cat >"$M/modules/vpn/main.tf" <<'HCL'
variable "client_cidr" {}
variable "ca_pem" {}
variable "users" {}

resource "huaweicloud_vpn_server" "main" {
  p2c_vgw_id       = "gw-1"
  client_cidr      = var.client_cidr
  local_subnets    = ["10.10.0.0/16", "172.16.8.0/24"]
  client_auth_type = "CERT"

  server_certificate {
    id = "scs1717051012106"
  }

  client_ca_certificates {
    name    = "ca-main"
    content = var.ca_pem
  }
}

resource "huaweicloud_vpn_client_ca_certificate" "old" {
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "ca-old"
  content       = file("${path.module}/old-ca.pem")
}

resource "huaweicloud_vpn_user" "users" {
  for_each      = var.users
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = each.key
  password      = each.value
}
HCL

# ---- unknown: values Terraform knows only at apply, and a sensitive user name
N=$D/unknown
mkdir -p "$N"
cat >"$N/main.tf" <<'HCL'
# Values known only after apply are not checked (a notice names them); a sensitive value is never printed.
variable "robot_name" {
  default   = "r0b!"
  sensitive = true
}

resource "huaweicloud_vpn_server" "main" {
  p2c_vgw_id    = "gw-1"
  client_cidr   = "192.168.0.0/24"
  local_subnets = ["10.10.0.0/16"]

  server_certificate {
    id = "scs1717051012106"
  }
}

resource "huaweicloud_vpn_user_group" "g" {
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "robots"
}

resource "huaweicloud_vpn_user" "robot" {
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = var.robot_name
  password      = "Robot-Pass-2026"
}

resource "huaweicloud_vpn_user" "derived" {
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "u-${huaweicloud_vpn_user_group.g.id}"
  password      = "Derived-Pass-2026"
}

resource "huaweicloud_vpn_access_policy" "p" {
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = huaweicloud_vpn_user_group.g.name
  user_group_id = huaweicloud_vpn_user_group.g.id
  dest_ip_cidrs = ["10.10.0.0/16", huaweicloud_vpn_server.main.id]
}
HCL

# ---- ccm: a Certificate Manager import whose key is another certificate's
G=$D/ccm
mkdir -p "$G"
cp "$T/ccm/key-mismatch.pem" "$G/server.pem"
cp "$T/ccm/keys/other.key" "$G/server.key"
cp "$T/ccm/keys/chain.pem" "$G/chain.pem"
cat >"$G/main.tf" <<'HCL'
# The server certificate imported into Cloud Certificate Manager with the wrong private key.
resource "huaweicloud_ccm_certificate_import" "server" {
  name              = "vpn-server"
  certificate       = file("server.pem")
  private_key       = file("server.key")
  certificate_chain = file("chain.pem")
}
HCL

# ---- unsupported (no plan): expressions vpncertlint does not evaluate
X=$D/unsupported
mkdir -p "$X"
cat >"$X/main.tf" <<'HCL'
# Functions and data sources vpncertlint does not evaluate: the values are not checked.
variable "no_default" {}

data "huaweicloud_vpn_servers" "all" {}

resource "huaweicloud_vpn_server" "main" {
  p2c_vgw_id    = "gw-1"
  client_cidr   = var.no_default
  local_subnets = [upper("10.10.0.0/16")]

  server_certificate {
    id = data.huaweicloud_vpn_servers.all.servers[0].server_certificate[0].id
  }
}

resource "huaweicloud_vpn_user" "u" {
  count         = length(var.no_default)
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "someone"
  password      = "Someone-Pass-2026"
}
HCL

# ---- the plans
for n in clean server sets kinds module unknown ccm; do
  (cd "$root" && go run ./scripts/tfplan "$D/$n") >"$D/$n.plan.json"
done
case_args "$D/clean.plan.json" --role auto --no-zlint --tf-dir testdata/terraform/clean
case_args "$D/module.plan.json" --role auto --no-zlint --tf-dir testdata/terraform/module
