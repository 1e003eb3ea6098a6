import time
import streamlit as st

mode = st.query_params.get("mode", "")
st.title("demo")
n = st.slider("n", 0, 100, int(st.query_params.get("n", "10")))
if st.button("go"):
    st.write(sum(range(n)))
if mode == "boom":
    raise ValueError("boom requested")
if mode == "slow":
    time.sleep(2)
if mode == "stop":
    st.stop()
if mode == "cache":
    st.write(st.cache_data(lambda x: x * 2)(n))
if mode == "rerun" and n < 3:
    st.query_params["n"] = str(n + 1)
    st.rerun()
st.write(f"hello {mode} {n}")
