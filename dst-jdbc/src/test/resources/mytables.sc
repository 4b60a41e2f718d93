table task_table {
  [p]task_id: string;
  [i]driver_id: string;
  task_name: string;
  return_num: int;
  arguments: [string];
}
table driver_table {
 [p]driver_id: string;
 driver_name: string;
 actor_num: int;
};
