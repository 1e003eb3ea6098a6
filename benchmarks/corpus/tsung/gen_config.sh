#!/bin/bash
# writes a tsung configuration to $1 using draws from the caller's RANDOM sequence passed as arguments
# args: out seed duration1 rate1 duration2 rate2 p_browse p_api p_bad idle_timeout
out=$1; seed=$2; d1=$3; r1=$4; d2=$5; r2=$6; pb=$7; pa=$8; px=$9; it=${10}
cat > "$out" <<XML
<?xml version="1.0"?>
<!DOCTYPE tsung SYSTEM "/usr/share/tsung/tsung-1.0.dtd">
<tsung loglevel="debug" dumptraffic="true" version="1.0">
  <clients>
    <client host="localhost" use_controller_vm="true" maxusers="200"/>
  </clients>
  <servers>
    <server host="127.0.0.1" port="48700" type="tcp" weight="5"/>
    <server host="127.0.0.1" port="48701" type="tcp" weight="1"/>
  </servers>
  <load>
    <arrivalphase phase="1" duration="$d1" unit="second">
      <users arrivalrate="$r1" unit="second"/>
    </arrivalphase>
    <arrivalphase phase="2" duration="$d2" unit="second">
      <users arrivalrate="$r2" unit="second" maxnumber="40"/>
    </arrivalphase>
  </load>
  <options>
    <option name="seed" value="$seed"/>
    <option name="idle_timeout" value="$it"/>
    <option name="connect_timeout" value="1500"/>
    <option name="max_retries" value="2"/>
    <option name="retry_timeout" value="200"/>
    <option name="file_server" id="users" value="/work/round46/tsung/cfg/users.csv"/>
    <option type="ts_http" name="user_agent">
      <user_agent probability="80">tsung-r46f</user_agent>
      <user_agent probability="20">other-agent</user_agent>
    </option>
  </options>
  <sessions>
    <session name="browse" probability="$pb" type="ts_http">
      <setdynvars sourcetype="random_number" start="1" end="5">
        <var name="rnd"/>
      </setdynvars>
      <transaction name="home">
        <request>
          <match do="continue" when="nomatch">hello</match>
          <dyn_variable name="theid" re="id=([0-9]+)"/>
          <dyn_variable name="nomatch" re="zzz=([0-9]+)"/>
          <http url="/" method="GET" version="1.1"/>
        </request>
      </transaction>
      <thinktime value="1" random="true"/>
      <request subst="true"><http url="/item?id=%%_theid%%&amp;r=%%_rnd%%" method="GET" version="1.1"/></request>
      <for from="1" to="%%_rnd%%" incr="1" var="i">
        <request subst="true"><http url="/page/%%_i%%" method="GET" version="1.1"/></request>
      </for>
      <if var="rnd" eq="3">
        <request><http url="/missing" method="GET" version="1.1"/></request>
      </if>
      <request><http url="/redirect" method="GET" version="1.1"/></request>
      <request><http url="/big" method="GET" version="1.1"/></request>
      <request><http url="/chunked" method="GET" version="1.1"/></request>
    </session>
    <session name="api" probability="$pa" type="ts_http">
      <setdynvars sourcetype="file" fileid="users" delimiter=";" order="iter">
        <var name="user"/>
        <var name="pass"/>
      </setdynvars>
      <request subst="true">
        <match do="log" when="match">u1</match>
        <dyn_variable name="uid" jsonpath="user.id"/>
        <http url="/json?u=%%_user%%&amp;p=%%_pass%%" method="GET" version="1.1"/>
      </request>
      <request subst="true"><http url="/error?uid=%%_uid%%" method="GET" version="1.1"/></request>
      <thinktime min="1" max="2" random="true"/>
      <request><http url="/json" method="HEAD" version="1.1"/></request>
      <request subst="true"><http url="/undefined/%%_notset%%" method="GET" version="1.1"/></request>
      <request><http url="/json?again" method="GET" version="1.1"/></request>
    </session>
    <session name="faulty" probability="$px" type="ts_http">
      <request><http url="/close" method="GET" version="1.1"/></request>
      <request><http url="/garbage" method="GET" version="1.1"/></request>
      <request><http url="/slow" method="GET" version="1.1"/></request>
      <request><match do="abort" when="match">hello</match><http url="/" method="GET" version="1.1"/></request>
    </session>
  </sessions>
</tsung>
XML
