define site::vhost (
  String $root,
  Integer $port,
  Enum['present','absent'] $ensure = 'present',
) {
  $fensure = $ensure ? { 'present' => 'file', default => 'absent' }
  file { "${root}/vhosts/${title}.conf":
    ensure  => $fensure,
    content => epp('site/vhost.conf.epp', { 'name' => $title, 'port' => $port }),
    notify  => Exec["reload-${title}"],
  }
  exec { "reload-${title}":
    command     => "/bin/echo out: reloading ${title} on ${port}",
    refreshonly => true,
    logoutput   => true,
  }
}
