# The VPN as a local module.
module "vpn" {
  source      = "./modules/vpn"
  client_cidr = "172.16.0.0/16"
  ca_pem      = file("ca.pem")
  users       = { "erin.e" = "Erin-Vpn-2026", "al" = "Al-Vpn-2026" }
}
