import sys, boto3
# usage: mkbucket.py PORT BUCKET... ; creates buckets on the local moto server
c = boto3.client("s3", endpoint_url="http://127.0.0.1:%s" % sys.argv[1], aws_access_key_id="AKIDR37G",
                 aws_secret_access_key="r37gsecret", region_name="us-east-1")
for b in sys.argv[2:]:
    c.create_bucket(Bucket=b)
    c.put_object(Bucket=b, Key="preexisting/readme.txt", Body=b"made outside s3fs\n")
    c.put_object(Bucket=b, Key="orphan-dir/sub/file.bin", Body=b"x" * 300)
