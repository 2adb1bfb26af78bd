/* SPDX-License-Identifier: MIT */
#include "wa-pipeline.h"
WA_TEST(placeholder) {}
WA_TEST_MAIN(WA_TEST_ENTRY(placeholder))
