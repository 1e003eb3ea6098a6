ecflow_client --complete
trap 0
exit 0
