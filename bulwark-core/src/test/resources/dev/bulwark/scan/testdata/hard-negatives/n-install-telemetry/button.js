module.exports = function Button(props) { return { type: 'button', props }; };
