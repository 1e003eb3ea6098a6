class site (
  String $root,
  String $motd = 'default motd',
  Hash $vhosts = {},
) {
  file { ["${root}", "${root}/etc", "${root}/var", "${root}/vhosts"]:
    ensure => directory,
    mode   => '0755',
  }
  file { "${root}/etc/motd":
    ensure  => file,
    content => "${motd}\n",
  }
  $vhosts.each |$name, $cfg| {
    site::vhost { $name: root => $root, port => $cfg['port'] }
  }
  notice("fn: site root is ${root}, json says ${lookup('site::json_key')}")
}
