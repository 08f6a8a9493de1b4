# byline._records, the Python package's record reader: a CPython extension that turns the record's
# JSON bytes into dicts and lists at about twice json.loads's speed (python/byline/_records.c).
# Optional: without python3-dev the package reads records with json.loads. Not under the sanitizers
# (the interpreter that loads it is not instrumented).
set(BYLINE_RECORDS_MODULE "")
if(NOT BYLINE_SANITIZE AND NOT BYLINE_FUZZ)
  set(Python3_EXECUTABLE /usr/bin/python3)
  find_package(Python3 COMPONENTS Interpreter Development.Module)
  if(Python3_Development.Module_FOUND)
    Python3_add_library(byline_records MODULE WITH_SOABI python/byline/_records.c python/byline/_pool.c)
    find_package(Threads REQUIRED)
    target_link_libraries(byline_records PRIVATE Threads::Threads)
    # build/python/byline/ beside libbyline.so's folder: where the package looks in a build tree
    set_target_properties(byline_records PROPERTIES OUTPUT_NAME _records
      LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/python/byline)
    set(BYLINE_RECORDS_MODULE byline_records)
    # extract_many's native pool under stress (python/tests/stress_pool.py: 5,000 pages through pools
    # left in every way, records checked against extract(), RSS flat), then the same with the module
    # built under ASan + UBSan and libasan preloaded into the interpreter (python/tests/asan_pool.sh)
    add_test(NAME test_python_pool_stress COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/python/tests/stress_pool.py --pages 5000)
    add_test(NAME test_python_pool_asan COMMAND ${PROJECT_SOURCE_DIR}/python/tests/asan_pool.sh ${CMAKE_BINARY_DIR} 5000)
    set_tests_properties(test_python_pool_stress test_python_pool_asan PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77
      ENVIRONMENT "BYLINE_LIBRARY=$<TARGET_FILE:byline_shared>;BYLINE_CLI=$<TARGET_FILE:byline-cli>;PYTHONDONTWRITEBYTECODE=1")
  else()
    message(STATUS "python3-dev not found: the Python package will read records with json.loads")
  endif()
endif()
