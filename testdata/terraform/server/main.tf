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
