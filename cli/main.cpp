// unroll-cli: headless training over the engine (being written).
int main() { return 0; }
