// SuiteCloud CLI project settings: the SDF project lives in src/, beside the Node tests.
module.exports = {
	defaultProjectFolder: 'src',
	commands: {},
};
