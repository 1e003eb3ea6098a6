export default 27860
