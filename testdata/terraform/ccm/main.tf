# The server certificate imported into Cloud Certificate Manager with the wrong private key.
resource "huaweicloud_ccm_certificate_import" "server" {
  name              = "vpn-server"
  certificate       = file("server.pem")
  private_key       = file("server.key")
  certificate_chain = file("chain.pem")
}
