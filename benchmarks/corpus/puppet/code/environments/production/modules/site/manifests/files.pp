class site::files (String $root, String $mode = '0600', Hash $settings = {}) {
  file { "${root}/etc/app.conf":
    ensure  => file,
    mode    => $mode,
    content => template('site/app.erb'),
  }
  file { "${root}/etc/static.txt":
    ensure => file,
    source => 'puppet:///modules/site/static.txt',
  }
}
